package io.etareport.export;

import io.etareport.buz.ColumnKind;
import io.etareport.buz.OrderLine;
import io.etareport.report.Order;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.etareport.buz.Instance.DD;
import static io.etareport.export.ExportSamples.HYPERLINK;
import static io.etareport.export.ExportSamples.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTest {

    private static byte[] export(List<Order> orders) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExport().write(orders, out);
        return out.toByteArray();
    }

    private static List<List<String>> rows(byte[] bytes) throws IOException {
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords().stream()
                .map(CSVRecord::toList).toList();
    }

    @Test
    void startsWithAUtf8ByteOrderMark() throws IOException {
        assertThat(export(ExportSamples.ORDERS)).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void oneRowPerLineUnderAHeaderInColumnOrder() throws IOException {
        List<List<String>> rows = rows(export(ExportSamples.ORDERS));

        assertThat(rows).containsExactly(
                ExportSamples.HEADER,
                List.of("SO-1", "05 Jan 2025", "Cutting", "Roller Blinds", "Blockout", "Kitchen", "DD", "1",
                        "900", "White", "", "02 Jan 2025", "", "", ""),
                List.of("SO-1", "05 Jan 2025", "Sewing", "Roller Blinds", "Sunscreen", "Kitchen", "DD", "2",
                        "", "Grey", "1200", "02 Jan 2025", "", "", ""),
                List.of("'" + HYPERLINK, "", SCRIPT,
                        "'@SUM(A1)", "'-2", "'+1", "CBR", "'\tline", "'\r5", "", "", "", "", "", ""));
    }

    @Test
    void accentsSurviveAndQuotesCommasAndLineBreaksAreEscaped() throws IOException {
        OrderLine line = new OrderLine(DD, "SO-2", "Café, \"front\"\nupstairs", null, null, null, "Prêt", "1", null);

        byte[] bytes = export(List.of(new Order(DD, "SO-2", line.descn(), null, List.of(line))));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Prêt", "\"Café, \"\"front\"\"\nupstairs\"");
        assertThat(rows(bytes).get(1)).containsExactly("SO-2", "", "Prêt", "", "", "Café, \"front\"\nupstairs", "DD",
                "1", "", "", "", "");
    }

    @Test
    void noOrdersGiveTheHeaderAlone() throws IOException {
        assertThat(rows(export(List.of()))).containsExactly(ExportColumnsTest.withPreviousDate(ExportColumns.FIXED));
    }

    @Test
    void theCallersStreamIsFlushedAndLeftOpen() throws IOException {
        ClosingWatch out = new ClosingWatch();

        new CsvExport().write(ExportSamples.ORDERS, out);

        assertThat(out.closed).isFalse();
        assertThat(out.size()).isPositive();
        assertThat(Arrays.copyOf(out.toByteArray(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    }

    static final class ClosingWatch extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void everyDateColumnIsWrittenLikeDateScheduledAndNumbersAreNotTreatedAsFormulas() throws IOException {
        OrderLine line = new OrderLine(DD, "SO-9", "Office", LocalDate.of(2025, 1, 5),
                "Rollers", "Blockout", "Cutting", "1",
                new LinkedHashMap<>(Map.of("Qty", "-2", "DateOrdered", "2024-12-01T00:00:00+10:00")));
        Map<String, ColumnKind> kinds = Map.of("Qty", ColumnKind.NUMBER, "DateOrdered", ColumnKind.DATE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new CsvExport().write(List.of(new Order(DD, "SO-9", "Office",
                LocalDate.of(2025, 1, 5), List.of(line))), out, kinds::get);

        List<List<String>> rows = rows(out.toByteArray());
        assertThat(rows.get(1).get(rows.get(0).indexOf("DateOrdered"))).isEqualTo("01 Dec 2024");
        assertThat(rows.get(1).get(rows.get(0).indexOf("DateScheduled"))).isEqualTo("05 Jan 2025");
        assertThat(rows.get(1).get(rows.get(0).indexOf("Qty"))).isEqualTo("-2");
    }

    /** A column's name comes from the supplier's data: a spreadsheet would run one that looks like a formula. */
    @Test
    void headerCellsAreFormulaGuardedToo() throws IOException {
        OrderLine line = new OrderLine(DD, "SO-9", "Office", LocalDate.of(2025, 1, 5),
                "Rollers", "Blockout", "Cutting", "1",
                new LinkedHashMap<>(Map.of("=HYPERLINK(\"http://x\")", "a", "@SUM(A1)", "b", "Colour", "White")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new CsvExport().write(List.of(new Order(DD, "SO-9", "Office",
                LocalDate.of(2025, 1, 5), List.of(line))), out, null);

        List<String> header = rows(out.toByteArray()).get(0);
        assertThat(header).contains("'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "Colour")
                .doesNotContain("=HYPERLINK(\"http://x\")", "@SUM(A1)");
    }
}
