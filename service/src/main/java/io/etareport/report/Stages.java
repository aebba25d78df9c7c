package io.etareport.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.etareport.statuses.Spelling;
import io.etareport.statuses.StageProperties;

/**
 * The stages an order line goes through and which stage each status is at: the one place a status becomes a
 * stage. Besides the configured stages (first to last) a line may be on hold, Done (finished for the customer:
 * invoiced, completed) or Cancelled.
 *
 * @param names         the configured stages in order
 * @param readyStage    the stage from which a line counts as ready, or null (then only Done lines are ready)
 * @param holdStage     the stage of a held-up line
 * @param stageByStatus stage name by status key ({@link Spelling#key}); statuses not listed are at the stage they
 *                      are named after ("Dispatched"), if any
 */
public record Stages(List<String> names, String readyStage, String holdStage, Map<String, String> stageByStatus) {

    public static final String DONE = StageProperties.DONE;
    public static final String CANCELLED = StageProperties.CANCELLED;
    static final String DEFAULT_HOLD = "On hold";

    /** No configured stages: only Done, Cancelled and On hold, from statuses so named. */
    public static final Stages NONE = new Stages(List.of(), null, DEFAULT_HOLD, Map.of());

    public Stages {
        names = names == null ? List.of() : List.copyOf(names);
        holdStage = holdStage == null || holdStage.isBlank() ? DEFAULT_HOLD : holdStage;
        Map<String, String> tidy = new HashMap<>();
        if (stageByStatus != null) {
            stageByStatus.forEach((status, stage) -> tidy.put(Spelling.key(status), stage));
        }
        stageByStatus = Map.copyOf(tidy);
    }

    public Stages(List<String> names, String readyStage, Map<String, String> stageByStatus) {
        this(names, readyStage, DEFAULT_HOLD, stageByStatus);
    }

    /**
     * The configured stages with each status's stage. A status is at the stage staff gave it on
     * {@code /status_mapping}; without one, a finished status is Cancelled (when it says so) or Done, a hold status is
     * on hold, and a ready status not named after a stage is at the ready stage. Each name customers see a status
     * under has that status's stage too; statuses shown under one name with different stages give it the less
     * advanced one, so no order looks further along than it is.
     *
     * @param staffStages stage by raw status, as staff set them
     * @param customNames the name customers see by raw status (status mapping applied)
     */
    static Stages configured(StageProperties properties, ReportRules rules, Map<String, String> staffStages,
                             Map<String, String> customNames) {
        Map<String, String> byStatus = new HashMap<>();
        for (String ready : rules.readyStatuses()) {
            if (properties.readyStage() != null && own(properties, ready) == null) {
                byStatus.put(Spelling.key(ready), properties.readyStage());
            }
        }
        for (String hold : properties.holdStatuses()) {
            byStatus.put(Spelling.key(hold), properties.holdStage());
        }
        for (String finished : rules.finishedStatuses()) {
            byStatus.put(Spelling.key(finished), isCancelled(finished) ? CANCELLED : DONE);
        }
        staffStages.forEach((status, stage) -> byStatus.put(Spelling.key(status), stage));
        Stages own = new Stages(properties.stages(), properties.readyStage(), properties.holdStage(), byStatus);
        // A status named after a stage ("Dispatched") is at it unless told otherwise: make that explicit, so a
        // custom name shared with it is compared against it.
        Map<String, String> all = new HashMap<>();
        own.stageByStatus().forEach((key, stage) -> all.put(key, own.stageOf(key)));
        customNames.forEach((raw, custom) -> {
            String stage = own.stageOf(raw);
            String label = Spelling.key(custom);
            if (stage == null || label.isEmpty()) {
                return;
            }
            String before = all.containsKey(label) ? all.get(label) : own.stageOf(label);
            if (before == null || own.rank(stage) < own.rank(before)) {
                all.put(label, stage);
            }
        });
        all.values().removeIf(java.util.Objects::isNull);
        return new Stages(own.names(), own.readyStage(), own.holdStage(), all);
    }

    /** The configured stage a status is named after, or null. */
    private static String own(StageProperties properties, String status) {
        return new Stages(properties.stages(), null, properties.holdStage(), Map.of()).stageOf(status);
    }

    private static boolean isCancelled(String status) {
        String key = Spelling.key(status);
        return key.equals("cancelled") || key.equals("canceled");
    }

    /**
     * The stage of a status (raw or as customers see it, any spelling): the one staff or the rules gave it, else
     * the stage it is named after; null when it has none (or one no longer configured) or is blank.
     */
    public String stageOf(String status) {
        String key = Spelling.key(status);
        if (key.isEmpty()) {
            return null;
        }
        String given = stageByStatus.get(key);
        return named(given == null ? key : Spelling.key(given));
    }

    /** The stage whose name has this key, or null. */
    private String named(String key) {
        for (String name : names) {
            if (Spelling.key(name).equals(key)) {
                return name;
            }
        }
        for (String special : List.of(holdStage, DONE, CANCELLED)) {
            if (Spelling.key(special).equals(key)) {
                return special;
            }
        }
        return null;
    }

    /** Whether a line at this stage is made: the ready stage or later, or Done. */
    boolean isReady(String stage) {
        if (DONE.equals(stage)) {
            return true;
        }
        int ready = indexOf(readyStage);
        return ready >= 0 && indexOf(stage) >= ready;
    }

    /** Position in the configured stages: -1 when not one of them (unknown, on hold, Done, Cancelled). */
    int indexOf(String stage) {
        return stage == null ? -1 : names.indexOf(stage);
    }

    /**
     * How far along a stage is, to pick the less advanced of two: on hold first, then the stages in order, then
     * Done, then Cancelled; a stage not known comes before all.
     */
    int rank(String stage) {
        if (stage == null) {
            return -2;
        }
        if (stage.equals(holdStage)) {
            return -1;
        }
        if (DONE.equals(stage)) {
            return names.size();
        }
        if (CANCELLED.equals(stage)) {
            return names.size() + 1;
        }
        return names.indexOf(stage);
    }
}
