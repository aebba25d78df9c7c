package io.etareport.report;

import io.etareport.statuses.StageProperties;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stage a status is at: the one place a status becomes a stage. */
class StagesTest {

    private static final StageProperties PROPERTIES = new StageProperties(
            List.of("Received", "In production", "Ready", "Dispatched"), "Ready", "On hold", List.of("On Hold"));

    private static Stages configured(Map<String, String> staffStages, Map<String, String> customNames) {
        return Stages.configured(PROPERTIES, ReportRules.defaults(), staffStages, customNames);
    }

    @Test
    void aStatusIsAtTheStageStaffGaveItInAnySpelling() {
        Stages stages = configured(Map.of("Cutting", "In production"), Map.of());

        assertThat(stages.stageOf("Cutting")).isEqualTo("In production");
        assertThat(stages.stageOf(" CUTTING ")).isEqualTo("In production");
    }

    @Test
    void aStatusNamedAfterAStageIsAtItUnlessStaffSayOtherwise() {
        Stages stages = configured(Map.of("Ready", "Dispatched"), Map.of());

        assertThat(stages.stageOf("dispatched")).isEqualTo("Dispatched");
        assertThat(stages.stageOf("In Production")).isEqualTo("In production");
        assertThat(stages.stageOf("Ready")).isEqualTo("Dispatched");
        assertThat(stages.stageOf("on hold")).isEqualTo("On hold");
        assertThat(stages.stageOf("DONE")).isEqualTo("Done");
    }

    @Test
    void finishedStatusesAreCancelledOrDone() {
        Stages stages = configured(Map.of(), Map.of());

        assertThat(stages.stageOf("cancelled")).isEqualTo("Cancelled");
        assertThat(stages.stageOf("Invoiced")).isEqualTo("Done");
        assertThat(stages.stageOf("Invoice ex GST fees - actioned in Xero")).isEqualTo("Done");
        assertThat(stages.stageOf("invoice ex gst fees - not in xero")).isEqualTo("Done");
    }

    @Test
    void theAmericanSpellingOfCancelledIsCancelledToo() {
        Stages stages = Stages.configured(PROPERTIES, new ReportRules(true, List.of("Canceled", "Invoiced")),
                Map.of(), Map.of());

        assertThat(stages.stageOf("Canceled")).isEqualTo("Cancelled");
    }

    @Test
    void readyStatusesNotNamedAfterAStageAreAtTheReadyStage() {
        Stages stages = configured(Map.of(), Map.of());

        assertThat(stages.stageOf("Ready for Dispatch")).isEqualTo("Ready");
        assertThat(stages.stageOf("Dispatched")).isEqualTo("Dispatched");
    }

    @Test
    void holdStatusesAreOnHold() {
        assertThat(configured(Map.of(), Map.of()).stageOf("ON HOLD")).isEqualTo("On hold");
    }

    @Test
    void staffStagesWinOverTheDefaults() {
        Stages stages = configured(Map.of("Invoiced", "Dispatched", "On Hold", "In production"), Map.of());

        assertThat(stages.stageOf("Invoiced")).isEqualTo("Dispatched");
        assertThat(stages.stageOf("On Hold")).isEqualTo("In production");
    }

    @Test
    void aStatusWithoutAStageOrWithOneNoLongerConfiguredHasNone() {
        Stages stages = configured(Map.of("Sewing", "Sewing room"), Map.of());

        assertThat(stages.stageOf("Sewing")).isNull();
        assertThat(stages.stageOf("Something new")).isNull();
        assertThat(stages.stageOf("")).isNull();
        assertThat(stages.stageOf(null)).isNull();
    }

    @Test
    void theNameCustomersSeeHasItsStatusStage() {
        Stages stages = configured(Map.of("Cutting", "In production"),
                Map.of("Cutting", "Being made", "Invoice ex GST fees - actioned in Xero", "Complete"));

        assertThat(stages.stageOf("Being made")).isEqualTo("In production");
        assertThat(stages.stageOf("complete")).isEqualTo("Done");
    }

    @Test
    void statusesShownUnderOneNameGiveItTheLessAdvancedStage() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("Dispatched", "On its way");
        names.put("Ready for Dispatch", "On its way");
        Stages stages = configured(Map.of(), names);
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("Ready for Dispatch", "On its way");
        reversed.put("Dispatched", "On its way");

        assertThat(stages.stageOf("On its way")).isEqualTo("Ready");
        assertThat(configured(Map.of(), reversed).stageOf("On its way")).isEqualTo("Ready");
    }

    @Test
    void aCustomNameSpelledAsAnotherStatusTakesTheLessAdvancedOfTheTwo() {
        Stages stages = configured(Map.of("Cutting", "In production"), Map.of("Cutting", "Dispatched"));

        assertThat(stages.stageOf("Dispatched")).isEqualTo("In production");
        assertThat(configured(Map.of(), Map.of("Invoiced", "Cancelled")).stageOf("Cancelled")).isEqualTo("Done");
        assertThat(configured(Map.of(), Map.of("On Hold", "Received")).stageOf("Received")).isEqualTo("On hold");
    }

    @Test
    void aCustomNameOfAStatusWithoutAStageAddsNothing() {
        Stages stages = configured(Map.of(), Map.of("Sewing", "Dispatched", "Cutting", " "));

        assertThat(stages.stageOf("Dispatched")).isEqualTo("Dispatched");
        assertThat(stages.stageByStatus()).doesNotContainKey("");
    }

    @Test
    void readinessStartsAtTheReadyStageAndIncludesDone() {
        Stages stages = configured(Map.of(), Map.of());

        assertThat(stages.isReady("Received")).isFalse();
        assertThat(stages.isReady("In production")).isFalse();
        assertThat(stages.isReady("Ready")).isTrue();
        assertThat(stages.isReady("Dispatched")).isTrue();
        assertThat(stages.isReady("Done")).isTrue();
        assertThat(stages.isReady("On hold")).isFalse();
        assertThat(stages.isReady("Cancelled")).isFalse();
        assertThat(stages.isReady(null)).isFalse();
    }

    @Test
    void whenTheFirstStageIsTheReadyStageEveryLineAtAStageIsReady() {
        Stages stages = new Stages(List.of("Ready", "Dispatched"), "Ready", Map.of());

        assertThat(stages.isReady("Ready")).isTrue();
        assertThat(stages.isReady("Dispatched")).isTrue();
        assertThat(stages.isReady("On hold")).isFalse();
    }

    @Test
    void theHoldStageIsOnHoldUnlessNamedOtherwise() {
        assertThat(new Stages(List.of("Received"), null, null, Map.of()).holdStage()).isEqualTo("On hold");
        assertThat(new Stages(List.of("Received"), null, "  ", Map.of()).holdStage()).isEqualTo("On hold");
        Stages paused = new Stages(List.of("Received"), null, "Paused", Map.of("Waiting on fabric", "Paused"));
        assertThat(paused.holdStage()).isEqualTo("Paused");
        assertThat(paused.stageOf("waiting on fabric")).isEqualTo("Paused");
        assertThat(paused.stageOf("On hold")).as("only the named hold stage is one").isNull();
    }

    @Test
    void withoutAReadyStageOnlyDoneIsReady() {
        Stages stages = new Stages(List.of("Received", "Dispatched"), null, Map.of());

        assertThat(stages.isReady("Dispatched")).isFalse();
        assertThat(stages.isReady("Received")).isFalse();
        assertThat(stages.isReady("Done")).isTrue();
    }

    @Test
    void aReadyStatusWithoutAReadyStageHasNoStage() {
        Stages stages = Stages.configured(new StageProperties(List.of("Received", "Dispatched"), null, null, List.of("On Hold")),
                ReportRules.defaults(), Map.of(), Map.of());

        assertThat(stages.stageOf("Ready for Dispatch")).isNull();
        assertThat(stages.stageOf("Dispatched")).isEqualTo("Dispatched");
    }

    @Test
    void stagesRankOnHoldFirstThenInOrderThenDoneThenCancelled() {
        Stages stages = configured(Map.of(), Map.of());

        assertThat(List.of("On hold", "Received", "In production", "Ready", "Dispatched", "Done", "Cancelled"))
                .extracting(stages::rank).containsExactly(-1, 0, 1, 2, 3, 4, 5);
        assertThat(stages.rank(null)).isEqualTo(-2);
    }

    @Test
    void withoutStagesOnlyTheNamedSpecialStagesAreKnown() {
        assertThat(Stages.NONE.stageOf("Done")).isEqualTo("Done");
        assertThat(Stages.NONE.stageOf("cancelled")).isEqualTo("Cancelled");
        assertThat(Stages.NONE.stageOf("On Hold")).isEqualTo("On hold");
        assertThat(Stages.NONE.stageOf("Dispatched")).isNull();
        assertThat(new Stages(null, null, null, null).holdStage()).isEqualTo("On hold");
    }

    @Test
    void aHiddenStatusIsShownAsItsStageNameInEverySpelling() {
        Stages stages = configured(Map.of("Invoice ex GST fees - actioned in Xero", "Done"), Map.of());
        Map<String, String> names = new LinkedHashMap<>();
        names.put("INVOICE EX GST FEES - ACTIONED IN XERO", "Xero actioned");
        names.put("Cutting", "Being made");

        Map<String, String> shown = stages.hiding(names,
                java.util.Set.of("invoice ex gst fees - actioned in xero", "sewing"));

        assertThat(shown).containsExactly(Map.entry("invoice ex gst fees - actioned in xero", "Done"),
                Map.entry("Cutting", "Being made"));
    }
}
