package io.etareport.export;

import io.etareport.buz.ColumnKind;
import io.etareport.buz.OrderLine;
import io.etareport.report.Order;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.etareport.buz.Instance.DD;
import static io.etareport.export.ExportSamples.HYPERLINK;
import static io.etareport.export.ExportSamples.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;

class XlsxExportTest {

    private static final String SHEET_XML = "xl/worksheets/sheet1.xml";

    private static byte[] export(List<Order> orders) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxExport().write(orders, out);
        return out.toByteArray();
    }

    private static List<Row> rows(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new ReadingOptions(true, false))) {
            Sheet sheet = workbook.getFirstSheet();
            assertThat(sheet.getName()).isEqualTo("Report");
            return sheet.read();
        }
    }

    private static List<String> texts(Row row, int columns) {
        List<String> texts = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            texts.add(row.getOptionalCell(column).map(Cell::getText).orElse(""));
        }
        return texts;
    }

    private static Map<String, String> parts(byte[] xlsx) throws IOException {
        // Read through the central directory: the writer streams entries with their sizes after the data, which
        // ZipInputStream does not follow.
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, xlsx);
            Map<String, String> parts = new HashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    parts.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(),
                            StandardCharsets.UTF_8));
                }
            }
            return parts;
        } finally {
            Files.delete(file);
        }
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element element(Document document, String tag, int index) {
        return (Element) document.getElementsByTagName(tag).item(index);
    }

    private static List<Double> columnWidths(byte[] xlsx) throws Exception {
        NodeList cols = xml(parts(xlsx).get(SHEET_XML)).getElementsByTagName("col");
        List<Double> widths = new ArrayList<>();
        for (int i = 0; i < cols.getLength(); i++) {
            widths.add(Double.parseDouble(((Element) cols.item(i)).getAttribute("width")));
        }
        return widths;
    }

    @Test
    void oneRowPerLineUnderAHeaderInColumnOrderWithHostileTextGuarded() throws IOException {
        List<Row> rows = rows(export(ExportSamples.ORDERS));
        int columns = ExportSamples.HEADER.size();

        assertThat(rows).hasSize(4);
        assertThat(texts(rows.get(0), columns)).isEqualTo(ExportSamples.HEADER);
        assertThat(texts(rows.get(1), columns)).containsExactly("SO-1", texts(rows.get(1), columns).get(1),
                "Cutting", "Roller Blinds", "Blockout", "Kitchen", "DD", "1", "900", "White", "",
                texts(rows.get(1), columns).get(11), "", "", "");
        assertThat(texts(rows.get(2), columns)).containsExactly("SO-1", texts(rows.get(2), columns).get(1),
                "Sewing", "Roller Blinds", "Sunscreen", "Kitchen", "DD", "2", "", "Grey", "1200",
                texts(rows.get(2), columns).get(11), "", "", "");
        assertThat(texts(rows.get(3), columns)).containsExactly("'" + HYPERLINK, "", SCRIPT, "'@SUM(A1)", "'-2",
                "'+1", "CBR", "'\tline", "'\r5", "", "", "", "", "", "");
        // The previous date is a real date cell, like DateScheduled.
        assertThat(rows.get(1).getCell(11).asDate()).isEqualTo(LocalDate.of(2025, 1, 2).atStartOfDay());
        assertThat(rows.get(1).getCell(11).getDataFormatString()).isEqualTo("dd mmm yyyy");
    }

    @Test
    void hostileTextStaysTextNeverAFormula() throws IOException {
        Row hostile = rows(export(ExportSamples.ORDERS)).get(3);

        assertThat(hostile.getPhysicalCellCount()).isEqualTo(8);
        for (Cell cell : hostile) {
            if (cell == null) {
                continue;
            }
            assertThat(cell.getType()).isEqualTo(CellType.STRING);
            assertThat(cell.getFormula()).isNull();
        }
    }

    @Test
    void theScheduledDateIsARealDateCellWrittenDayMonthYear() throws IOException {
        Cell date = rows(export(ExportSamples.ORDERS)).get(1).getCell(1);

        assertThat(date.getType()).isEqualTo(CellType.NUMBER);
        assertThat(date.asDate()).isEqualTo(LocalDate.of(2025, 1, 5).atStartOfDay());
        assertThat(date.getDataFormatString()).isEqualTo("dd mmm yyyy");
    }

    @Test
    void theHeaderRowIsBoldAndFrozenWithFilterButtonsOverTheData() throws Exception {
        Map<String, String> parts = parts(export(ExportSamples.ORDERS));
        Document sheet = xml(parts.get(SHEET_XML));
        Document styles = xml(parts.get("xl/styles.xml"));

        Element pane = element(sheet, "pane", 0);
        assertThat(pane.getAttribute("ySplit")).isEqualTo("1");
        assertThat(pane.getAttribute("xSplit")).isIn("", "0");
        assertThat(pane.getAttribute("state")).isEqualTo("frozen");
        assertThat(element(sheet, "autoFilter", 0).getAttribute("ref")).isEqualTo("A1:O4");

        Element headerCell = element(sheet, "c", 0);
        Element headerStyle = (Element) ((Element) styles.getElementsByTagName("cellXfs").item(0))
                .getElementsByTagName("xf").item(Integer.parseInt(headerCell.getAttribute("s")));
        Element headerFont = (Element) ((Element) styles.getElementsByTagName("fonts").item(0))
                .getElementsByTagName("font").item(Integer.parseInt(headerStyle.getAttribute("fontId")));
        assertThat(headerFont.getElementsByTagName("b").getLength()).isEqualTo(1);
        Element dataCell = element(sheet, "c", ExportSamples.HEADER.size());
        assertThat(dataCell.getAttribute("r")).isEqualTo("A2");
        assertThat(dataCell.getAttribute("s")).isIn("", "0");
    }

    @Test
    void columnsAreAsWideAsTheirLongestValueOrHeaderPlusRoom() throws Exception {
        // Longest value or header (plus 2 for its filter button), plus 2: RefNo the guarded hyperlink (27),
        // DateScheduled its header (13 + 2), ProductionStatus the script (25), Descn its header (5 + 2) or
        // "Kitchen" (7), Width its header (5 + 2), PreviousDateScheduled its header (21 + 2).
        assertThat(columnWidths(export(ExportSamples.ORDERS)))
                .containsExactly(29.0, 17.0, 27.0, 18.0, 17.0, 9.0, 12.0, 13.0, 9.0, 10.0, 8.0, 25.0, 9.0, 14.0, 20.0);
    }

    @Test
    void noColumnIsWiderThanSixty() throws Exception {
        OrderLine longReference = new OrderLine(DD, "SO-1", "x".repeat(500), null, null, null, null, null, null);

        List<Double> widths = columnWidths(export(List.of(new Order(DD, "SO-1", null, null, List.of(longReference)))));

        assertThat(widths.get(5)).isEqualTo(60.0);
    }

    @Test
    void noOrdersGiveTheHeaderAlone() throws Exception {
        byte[] xlsx = export(List.of());

        assertThat(rows(xlsx)).singleElement()
                .satisfies(header -> assertThat(texts(header, 12))
                        .isEqualTo(ExportColumnsTest.withPreviousDate(ExportColumns.FIXED)));
        assertThat(element(xml(parts(xlsx).get(SHEET_XML)), "autoFilter", 0).getAttribute("ref")).isEqualTo("A1:L1");
    }

    @Test
    void theCallersStreamIsLeftOpen() throws IOException {
        CsvExportTest.ClosingWatch out = new CsvExportTest.ClosingWatch();

        new XlsxExport().write(ExportSamples.ORDERS, out);

        assertThat(out.closed).isFalse();
        assertThat(rows(out.toByteArray())).hasSize(4);
    }

    @Test
    void numberColumnsAreNumberCellsAndEveryDateColumnIsADateCellWhateverTheOtherValuesLookLike() throws IOException {
        OrderLine line = new OrderLine(DD, "SO-9", "Office", LocalDate.of(2025, 1, 5), "Rollers", "Blockout",
                "Cutting", "1", new LinkedHashMap<>(Map.of("Qty", "2", "DateOrdered", "2024-12-01T00:00:00Z")));
        OrderLine odd = new OrderLine(DD, "SO-9", "Office", LocalDate.of(2025, 1, 5), "Rollers", "Blockout",
                "Cutting", "2", new LinkedHashMap<>(Map.of("Qty", "-3.5", "DateOrdered", "not-a-date")));
        Map<String, ColumnKind> kinds = Map.of("Qty", ColumnKind.NUMBER, "DateOrdered", ColumnKind.DATE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new XlsxExport().write(List.of(new Order(DD, "SO-9", "Office", LocalDate.of(2025, 1, 5),
                List.of(line, odd))), out, kinds::get);

        List<Row> rows = rows(out.toByteArray());
        List<String> header = texts(rows.get(0), rows.get(0).getCellCount());
        Cell qty = rows.get(1).getCell(header.indexOf("Qty"));
        Cell ordered = rows.get(1).getCell(header.indexOf("DateOrdered"));
        assertThat(qty.getType()).isEqualTo(CellType.NUMBER);
        assertThat(qty.asNumber()).isEqualByComparingTo("2");
        assertThat(rows.get(2).getCell(header.indexOf("Qty")).asNumber()).isEqualByComparingTo("-3.5");
        assertThat(ordered.getType()).isEqualTo(CellType.NUMBER);
        assertThat(ordered.asDate().toLocalDate()).isEqualTo(LocalDate.of(2024, 12, 1));
        assertThat(rows.get(2).getCell(header.indexOf("DateOrdered")).getRawValue())
                .as("an unreadable date stays text").isEqualTo("not-a-date");
    }
}
