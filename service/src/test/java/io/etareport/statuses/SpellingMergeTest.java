package io.etareport.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.etareport.statuses.SpellingMerge.Merge;
import io.etareport.statuses.SpellingMerge.Row;

import org.junit.jupiter.api.Test;

/** Which name every spelling of a status keeps when one row per spelling becomes one status. */
class SpellingMergeTest {

    @Test
    void theMostRecentlyEditedNameWins() {
        List<Merge> merges = SpellingMerge.of(List.of(
                new Row(1, "IN PRODUCTION", "Being made (old)", 1_000L),
                new Row(2, "In Production", "Being made", 2_000L),
                new Row(3, "in production", "in production", null)));

        assertThat(merges).singleElement().satisfies(merge -> {
            assertThat(merge.key()).isEqualTo("in production");
            assertThat(merge.name()).isEqualTo("Being made");
            assertThat(merge.winnerId()).isEqualTo(2);
            assertThat(merge.before()).containsExactly(java.util.Map.entry("IN PRODUCTION", "Being made (old)"),
                    java.util.Map.entry("In Production", "Being made"),
                    java.util.Map.entry("in production", "in production"));
        });
    }

    @Test
    void withoutEditsANameStaffChoseBeatsOneRepeatingItsSpelling() {
        List<Merge> merges = SpellingMerge.of(List.of(
                new Row(1, "Cutting", "Being cut", null),
                new Row(2, "CUTTING", "CUTTING", null)));

        assertThat(merges).extracting(Merge::name).containsExactly("Being cut");
    }

    @Test
    void anEditedRowBeatsAChosenNameNeverEdited() {
        List<Merge> merges = SpellingMerge.of(List.of(
                new Row(1, "Cutting", "Being cut", null),
                new Row(2, "CUTTING", "CUTTING", 5L)));

        assertThat(merges).extracting(Merge::name).containsExactly("CUTTING");
    }

    @Test
    void otherwiseTheNewestRowWins() {
        List<Merge> merges = SpellingMerge.of(List.of(
                new Row(1, "Sewing", "Stitching", null),
                new Row(7, "SEWING", "Being sewn", null),
                new Row(3, "sewing ", "Sewn", null)));

        assertThat(merges).extracting(Merge::name, Merge::winnerId).containsExactly(
                org.assertj.core.api.Assertions.tuple("Being sewn", 7L));
    }

    @Test
    void spellingsThatAgreeAndSingleSpellingsNeedNoMerge() {
        assertThat(SpellingMerge.of(List.of(
                new Row(1, "Cutting", "Being cut", 1L),
                new Row(2, "CUTTING", " Being cut ", null),
                new Row(3, "Packing", "Packing", null)))).isEmpty();
    }

    @Test
    void aBlankOrMissingNameReadsAsTheSpellingItself() {
        assertThat(SpellingMerge.of(List.of(
                new Row(1, "Cutting", null, null),
                new Row(2, "Cutting ", "  ", null)))).isEmpty();
        assertThat(SpellingMerge.of(List.of(
                new Row(1, "Cutting", null, 9L),
                new Row(2, "CUTTING", "Being cut", 1L)))).extracting(Merge::name).containsExactly("Cutting");
    }
}
