package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

class InBatchesTest {

    /** Length = sum of the values' lengths plus one per value: easy to reason about by hand. */
    private static final ToIntFunction<List<String>> SIMPLE = values ->
            values.stream().mapToInt(value -> value.length() + 1).sum();

    @Test
    void packsValuesGreedilyInOrder() {
        List<List<String>> batches = InBatches.split(List.of("aa", "bb", "cc", "dd", "e"), SIMPLE, 6);

        assertThat(batches).containsExactly(List.of("aa", "bb"), List.of("cc", "dd"), List.of("e"));
    }

    @Test
    void aBatchMayBeExactlyAtTheLimit() {
        assertThat(InBatches.split(List.of("ab", "cd"), SIMPLE, 6)).containsExactly(List.of("ab", "cd"));
    }

    @Test
    void everythingFitsInOneBatchWhenShort() {
        assertThat(InBatches.split(List.of("a", "b", "c"), SIMPLE, 100)).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void aValueTooLongOnItsOwnIsRefused() {
        assertThatThrownBy(() -> InBatches.split(List.of("a", "much too long"), SIMPLE, 6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InBatches.split(List.of("much too long"), SIMPLE, 6))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threeHundredCustomerNamesStayUnderTheLimitOnTheEncodedUrl() {
        URI base = URI.create("https://api.buzmanager.com/reports/DESDR");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // Spaces, ampersands and quotes grow three times when encoded.
            names.add("Customer & Sons' Blinds " + i);
        }
        ODataFilter open = ODataFilter.and(ODataFilter.eq("OrderStatus", "Work in Progress"),
                ODataFilter.neNull("ProductionStatus"));
        ODataQuery query = ODataQuery.of("JobsScheduleDetailed", open);
        ToIntFunction<List<String>> urlLength = batch ->
                query.withFilter(ODataFilter.and(open, ODataFilter.in("Customer", batch))).urlLength(base);

        List<List<String>> batches = InBatches.split(names, urlLength, 2000);

        assertThat(batches).allSatisfy(batch -> assertThat(urlLength.applyAsInt(batch)).isLessThanOrEqualTo(2000));
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(names);
        // Greedy: adding the next batch's first name to any batch would have gone over.
        for (int i = 0; i + 1 < batches.size(); i++) {
            List<String> grown = new ArrayList<>(batches.get(i));
            grown.add(batches.get(i + 1).get(0));
            assertThat(urlLength.applyAsInt(grown)).isGreaterThan(2000);
        }
        // Unencoded the filter would look much shorter: the limit must be applied after encoding.
        assertThat(batches.get(0).stream().mapToInt(name -> name.length() + 3).sum()).isLessThan(1400);
    }
}
