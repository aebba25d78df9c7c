package io.etareport.buz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ODataFilterTest {

    @Test
    void quotesStringLiteralsDoublingSingleQuotes() {
        assertThat(ODataFilter.quote("O'Malley")).isEqualTo("'O''Malley'");
        assertThat(ODataFilter.quote("D'Angelo's")).isEqualTo("'D''Angelo''s'");
        assertThat(ODataFilter.quote("''")).isEqualTo("''''''");
        assertThat(ODataFilter.quote("")).isEqualTo("''");
    }

    @Test
    void rendersComparisons() {
        assertThat(ODataFilter.eq("Customer", "O'Malley").text()).isEqualTo("Customer eq 'O''Malley'");
        assertThat(ODataFilter.ne("ProductionStatus", "Cancelled").text()).isEqualTo("ProductionStatus ne 'Cancelled'");
        assertThat(ODataFilter.neNull("ProductionStatus").text()).isEqualTo("ProductionStatus ne null");
        assertThat(ODataFilter.isNull("DateScheduled").text()).isEqualTo("DateScheduled eq null");
    }

    @Test
    void rendersTheCustomerFilterOfTheSpec() {
        ODataFilter filter = ODataFilter.and(ODataFilter.eq("OrderStatus", "Work in Progress"),
                ODataFilter.neNull("ProductionStatus"), ODataFilter.eq("Customer", "Smith & Sons"));

        assertThat(filter.text())
                .isEqualTo("OrderStatus eq 'Work in Progress' and ProductionStatus ne null and Customer eq 'Smith & Sons'");
        assertThat(filter.conditionCount()).isEqualTo(3);
    }

    @Test
    void rendersAnInListAsOneCondition() {
        ODataFilter filter = ODataFilter.in("Customer", List.of("A", "B'C", "D"));

        assertThat(filter.text()).isEqualTo("Customer in ('A','B''C','D')");
        assertThat(filter.conditionCount()).isEqualTo(1);
    }

    @Test
    void nestedAndsCountEveryCondition() {
        ODataFilter open = ODataFilter.and(ODataFilter.eq("OrderStatus", "x"), ODataFilter.neNull("ProductionStatus"));
        ODataFilter filter = ODataFilter.and(open, ODataFilter.in("Customer", List.of("a", "b")));

        assertThat(filter.text()).isEqualTo("OrderStatus eq 'x' and ProductionStatus ne null and Customer in ('a','b')");
        assertThat(filter.conditionCount()).isEqualTo(3);
    }

    @Test
    void neverPrintsValuesInToString() {
        assertThat(ODataFilter.eq("Customer", "Secret Customer")).hasToString("ODataFilter[1 conditions]");
    }

    @Test
    void refusesAnythingButPlainFieldNames() {
        assertThatThrownBy(() -> ODataFilter.eq("Customer eq 'x' or 1", "y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ODataFilter.neNull("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNullValuesAndEmptyLists() {
        assertThatThrownBy(() -> ODataFilter.eq("Customer", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ODataFilter.in("Customer", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
