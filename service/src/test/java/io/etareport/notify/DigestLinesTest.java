package io.etareport.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import io.etareport.buz.Instance;

import org.junit.jupiter.api.Test;

class DigestLinesTest {

    private static final LocalDate MAY_5 = LocalDate.of(2026, 5, 5);
    private static final LocalDate MAY_12 = LocalDate.of(2026, 5, 12);
    private static final LocalDate MAY_19 = LocalDate.of(2026, 5, 19);

    private static Change moved(String refNo, LocalDate from, LocalDate to) {
        return new Change(Change.Kind.DATE_CHANGED, Instance.DD, refNo, "Kitchen", from, to);
    }

    @Test
    void aDateMovedTwiceShowsItsFirstAndLastDate() {
        assertThat(DigestLines.of(List.of(moved("1", MAY_5, MAY_12), moved("1", MAY_12, MAY_19)), Instance::name))
                .containsExactly(new DigestLines.Line("DD", "1", "Kitchen",
                        "Expected date moved from 05 May 2026 to 19 May 2026"));
    }

    @Test
    void aDateMovedAndMovedBackIsNoNews() {
        assertThat(DigestLines.of(List.of(moved("1", MAY_5, MAY_12), moved("1", MAY_12, MAY_5)), Instance::name)).isEmpty();
    }

    @Test
    void theFactoryIsNamedAsCustomersReadItOnTheirPage() {
        assertThat(DigestLines.of(List.of(moved("1", MAY_5, MAY_12)),
                instance -> instance == Instance.DD ? "Dandenong factory" : instance.name()))
                .extracting(DigestLines.Line::supplier).containsExactly("Dandenong factory");
    }

    @Test
    void eachKindOfNewsHasItsOwnLine() {
        List<DigestLines.Line> lines = DigestLines.of(List.of(
                new Change(Change.Kind.READY, Instance.CBR, "2", null, MAY_5, MAY_5),
                new Change(Change.Kind.OVERDUE, Instance.DD, "3", "Bath", MAY_5, MAY_5),
                new Change(Change.Kind.FINISHED, Instance.DD, "4", "Hall", MAY_5, MAY_5)), Instance::name);

        assertThat(lines).extracting(DigestLines.Line::what).containsExactly("Ready",
                "Overdue: it was expected on 05 May 2026", "Finished: it is no longer on your list of open orders");
        assertThat(lines.get(0).reference()).isEmpty();
    }
}
