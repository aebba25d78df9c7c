package io.etareport.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages an order goes through (first to last) and the stage staff gave each status, for the report's stage
 * tracker and ready counts.
 *
 * @param names         the stages in order
 * @param readyStage    the stage from which a line counts as ready, or null
 * @param stageByStatus stage name by status key (trimmed, whitespace squeezed, lower case)
 */
public record Stages(List<String> names, String readyStage, Map<String, String> stageByStatus) {

    public static final Stages NONE = new Stages(List.of(), null, Map.of());

    public Stages {
        names = names == null ? List.of() : List.copyOf(names);
        Map<String, String> tidy = new HashMap<>();
        if (stageByStatus != null) {
            stageByStatus.forEach((status, stage) -> tidy.put(Labels.key(status), stage));
        }
        stageByStatus = Map.copyOf(tidy);
    }

    /** The position of this status's stage, or -1 when it has none (or one no longer configured). */
    int indexOf(String statusKey) {
        String stage = stageByStatus.get(statusKey);
        return stage == null ? -1 : names.indexOf(stage);
    }

    boolean isReady(int stage) {
        int ready = readyStage == null ? -1 : names.indexOf(readyStage);
        return ready >= 0 && stage >= ready;
    }

    String name(int index) {
        return names.get(index);
    }
}
