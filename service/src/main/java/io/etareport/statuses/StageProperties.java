package io.etareport.statuses;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The stages an order goes through, in order, as staff assign them to statuses on {@code /status_mapping} and
 * customers see them in each order's tracker; besides them, a line may be on hold, finished (Done) or cancelled.
 *
 * @param stages       the stages, first to last
 * @param readyStage   the stage from which a line counts as ready ("5 of 7 items ready"); one of {@code stages}
 * @param holdStage    the stage of a line that is held up: an order with such a line is on hold, whatever its other
 *                     lines' stages; not one of {@code stages}
 * @param holdStatuses statuses that put a line on hold when staff gave them no stage (any spelling)
 */
@ConfigurationProperties("eta.statuses")
public record StageProperties(
        @DefaultValue({"Received", "In production", "Ready", "Dispatched"}) List<String> stages,
        @DefaultValue("Ready") String readyStage,
        @DefaultValue("On hold") String holdStage,
        @DefaultValue("On Hold") List<String> holdStatuses) {

    /** The stage of a finished line: invoiced, completed, nothing left to wait for. */
    public static final String DONE = "Done";
    /** The stage of a cancelled line: never counted, never makes an order late. */
    public static final String CANCELLED = "Cancelled";

    // Two constructors: binding must be told which one is the properties'.
    @ConstructorBinding
    public StageProperties {
        stages = stages == null ? List.of() : stages.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (readyStage != null && !stages.contains(readyStage.strip())) {
            throw new IllegalArgumentException("eta.statuses.ready-stage must be one of eta.statuses.stages");
        }
        readyStage = readyStage == null ? null : readyStage.strip();
        holdStage = holdStage == null || holdStage.isBlank() ? "On hold" : holdStage.strip();
        for (String reserved : List.of(holdStage, DONE, CANCELLED)) {
            if (stages.stream().anyMatch(stage -> Spelling.key(stage).equals(Spelling.key(reserved)))) {
                throw new IllegalArgumentException("eta.statuses.stages must not list \"" + reserved
                        + "\": it is a stage of its own (on hold, done or cancelled)");
            }
        }
        holdStatuses = holdStatuses == null ? List.of() : List.copyOf(holdStatuses);
    }

    public StageProperties(List<String> stages, String readyStage) {
        this(stages, readyStage, null, List.of("On Hold"));
    }

    /** Every stage staff may give a status: the stages in order, then on hold, done and cancelled. */
    public List<String> assignable() {
        List<String> all = new ArrayList<>(stages);
        all.add(holdStage);
        all.add(DONE);
        all.add(CANCELLED);
        return List.copyOf(all);
    }
}
