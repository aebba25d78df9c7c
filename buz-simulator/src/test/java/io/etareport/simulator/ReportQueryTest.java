package io.etareport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Query parsing and evaluation without HTTP. */
class ReportQueryTest {

    static final ReportQuery.Engine ENGINE = new ReportQuery.Engine();
    static final BuzSchema.EntitySchema JSD = BuzSchema.JOBS_SCHEDULE_DETAILED;

    private static Object[] row(String customer, String status, int line) {
        Object[] row = new Object[JSD.columns().size()];
        row[JSD.indexOf("PkId")] = customer + line;
        row[JSD.indexOf("Customer")] = customer;
        row[JSD.indexOf("ProductionStatus")] = status;
        row[JSD.indexOf("FixedLine")] = line;
        return row;
    }

    static final List<Object[]> ROWS = List.of(row("A", "Cutting", 1), row("A", null, 2), row("O'Malley", "In Production", 3),
            row("B & C", "", 4));

    private static List<String> ids(String filter) throws Exception {
        ReportQuery query = ReportQuery.parse(ENGINE, JSD, false,
                ReportQuery.normaliseQuery("$filter=" + ReportQuery.encode(filter)));
        List<String> out = new ArrayList<>();
        for (Object[] r : query.execute(ENGINE, "DESDR", ROWS, 100).page()) {
            out.add((String) r[0]);
        }
        return out;
    }

    @Test
    void nullSemantics() throws Exception {
        assertThat(ids("ProductionStatus ne 'Cutting'")).containsExactly("A2", "O'Malley3", "B & C4");
        assertThat(ids("ProductionStatus eq null")).containsExactly("A2");
        assertThat(ids("not contains(ProductionStatus,'x')")).containsExactly("A1", "O'Malley3", "B & C4");
        assertThat(ids("ProductionStatus gt 'A'")).containsExactly("A1", "O'Malley3");
        assertThat(ids("ProductionStatus ne null and ProductionStatus ne ''")).containsExactly("A1", "O'Malley3");
    }

    @Test
    void literalsAndIn() throws Exception {
        assertThat(ids("Customer eq 'O''Malley'")).containsExactly("O'Malley3");
        assertThat(ids("Customer in ('B & C', 'O''Malley')")).containsExactly("O'Malley3", "B & C4");
        assertThat(ids("FixedLine in (1, 4) or FixedLine add 1 eq 3")).containsExactly("A1", "A2", "B & C4");
        assertThat(ids("length(Customer) eq 1 and tolower(ProductionStatus) eq 'cutting'")).containsExactly("A1");
    }

    @Test
    void queryStringHandling() throws Exception {
        assertThat(ReportQuery.normaliseQuery("$filter=a+eq+'x y'")).isEqualTo("$filter=a%20eq%20'x%20y'");
        assertThat(ReportQuery.normaliseQuery("$filter=Customer eq 'Zoë'\n")).isEqualTo("$filter=Customer%20eq%20'Zo%C3%AB'");
        List<String[]> options = ReportQuery.options("$filter=Customer%20eq%20'B%20%26%20C'&$skiptoken=500&$top=9");
        assertThat(options.stream().map(Arrays::toString)).containsExactly("[$filter, Customer eq 'B & C']", "[$skiptoken, 500]", "[$top, 9]");
        assertThat(ReportQuery.nextQuery(options, 1000)).isEqualTo("$filter=Customer%20eq%20'B%20%26%20C'&$top=9&$skiptoken=1000");
        assertThatThrownBy(() -> ReportQuery.options("$filter=%zz")).isInstanceOf(ReportQuery.ODataError.class);
    }

    @Test
    void pagingWindow() throws Exception {
        ReportQuery query = ReportQuery.parse(ENGINE, JSD, false, "$skip=1&$top=2&$skiptoken=1");
        ReportQuery.Result result = query.execute(ENGINE, "DESDR", ROWS, 1);

        assertThat(result.page()).extracting(r -> r[0]).containsExactly("O'Malley3");
        assertThat(result.count()).isEqualTo(4);
        assertThat(result.nextSkipToken()).isEqualTo(-1);
        assertThat(ReportQuery.parse(ENGINE, JSD, false, "$top=3").execute(ENGINE, "DESDR", ROWS, 2).nextSkipToken()).isEqualTo(2);
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> ids("Customer in ()")).isInstanceOf(ReportQuery.ODataError.class)
                .satisfies(e -> assertThat(((ReportQuery.ODataError) e).status).isEqualTo(400));
        assertThatThrownBy(() -> ids("year(Customer) eq 2025")).isInstanceOf(ReportQuery.ODataError.class);
        assertThatThrownBy(() -> ReportQuery.parse(ENGINE, JSD, false, "$expand=*"))
                .isInstanceOf(ReportQuery.ODataError.class);
    }
}
