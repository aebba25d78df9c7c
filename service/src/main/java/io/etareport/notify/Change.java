package io.etareport.notify;

import java.time.LocalDate;

import io.etareport.buz.Instance;

/** One change a subscriber is told about. */
record Change(Kind kind, Instance instance, String refNo, String descn, LocalDate oldDate, LocalDate newDate) {

    enum Kind {
        DATE_CHANGED("date_changed"), READY("ready"), OVERDUE("overdue"), FINISHED("finished");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        static Kind of(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown change: " + code);
        }
    }
}
