package io.etareport.webhooks;

import java.util.Optional;

/** What an endpoint can be told; each is one kind of change the order model's facts show. */
public enum EventType {
    DATE_CHANGED("order.date_changed", "date_changed"),
    READY("order.ready", "ready"),
    OVERDUE("order.overdue", "overdue"),
    FINISHED("order.finished", "finished");

    private final String code;
    private final String change;

    EventType(String code, String change) {
        this.code = code;
        this.change = change;
    }

    /** The payload's {@code type}, as integrators subscribe to it. */
    public String code() {
        return code;
    }

    public static Optional<EventType> of(String code) {
        for (EventType type : values()) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The event for a change {@code notify} recorded (its kind: {@code date_changed}, ...). */
    static Optional<EventType> ofChange(String kind) {
        for (EventType type : values()) {
            if (type.change.equals(kind)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
