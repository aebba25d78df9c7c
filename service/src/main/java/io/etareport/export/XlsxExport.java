package io.etareport.export;

import io.etareport.buz.ColumnKind;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.report.Order;
import io.etareport.report.OrderModel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Writes orders as an Excel workbook, one row per line, streaming: rows go out every {@value #FLUSH_EVERY} so a
 * large download does not sit in memory. A bold, frozen header row with filter buttons; every date column as a
 * real date ({@code dd mmm yyyy}), numbers the supplier typed as numbers as number cells; column widths fitted to the content, at most {@value #MAX_WIDTH}; every text
 * cell through the {@link FormulaGuard}, like the CSV.
 */
final class XlsxExport {

    /** The original's sheet name, which customers' own spreadsheets and macros may refer to. */
    static final String SHEET_NAME = "Report";
    static final String DATE_FORMAT = "dd mmm yyyy";
    static final int MAX_WIDTH = 60;

    private static final int FLUSH_EVERY = 1_000;
    // Excel refuses longer cells.
    private static final int MAX_CELL_LENGTH = 32_767;
    // Room for the filter button beside a header, and a little air beside values.
    private static final int HEADER_PADDING = 4;
    private static final int VALUE_PADDING = 2;

    /** Writes these (already filtered) orders to {@code out}, flushes it, and leaves it open. */
    public void write(List<Order> orders, OutputStream out) throws IOException {
        write(orders, out, null);
    }

    /**
     * Writes these (already filtered) orders to {@code out} with every column their lines carry: date columns as
     * date cells, number columns as number cells. Flushes {@code out} and leaves it open.
     *
     * @param kinds what each other column holds; null: all text
     */
    public void write(List<Order> orders, OutputStream out, Function<String, ColumnKind> kinds) throws IOException {
        write(orders, out, kinds, null);
    }

    /** As {@link #write(List, OutputStream, Function)}, with the order model's columns filled in. */
    public void write(List<Order> orders, OutputStream out, Function<String, ColumnKind> kinds, OrderModel model)
            throws IOException {
        write(orders, out, kinds, model, Instance::name);
    }

    /** As {@link #write(List, OutputStream, Function, OrderModel)}, each factory named as {@code factoryNames} says. */
    public void write(List<Order> orders, OutputStream out, Function<String, ColumnKind> kinds, OrderModel model,
                      Function<Instance, String> factoryNames) throws IOException {
        ExportColumns columns = ExportColumns.of(orders, kinds, model, factoryNames);
        int lastColumn = columns.size() - 1;
        Workbook workbook = new Workbook(out, "eta-report", "1.0");
        Worksheet sheet = workbook.newWorksheet(SHEET_NAME);

        // Widths, the frozen pane and the header go out with the first flush: set them before any row.
        double[] widths = widths(columns, orders);
        for (int column = 0; column <= lastColumn; column++) {
            sheet.width(column, widths[column]);
        }
        for (int column = 0; column <= lastColumn; column++) {
            sheet.value(0, column, columns.names().get(column));
        }
        sheet.range(0, 0, 0, lastColumn).style().bold().set();
        sheet.freezePane(0, 1);
        sheet.setAutoFilter(0, 0, lineCount(orders), lastColumn);

        int row = 1;
        for (Order order : orders) {
            for (OrderLine line : order.lines()) {
                writeRow(sheet, columns, line, row);
                if (row % FLUSH_EVERY == 0) {
                    sheet.flush();
                }
                row++;
            }
        }
        workbook.finish();
        out.flush();
    }

    private static void writeRow(Worksheet sheet, ExportColumns columns, OrderLine line, int row) {
        for (int column = 0; column < columns.size(); column++) {
            ColumnKind kind = columns.kind(column);
            if (kind == ColumnKind.DATE) {
                LocalDate date = columns.date(line, column);
                if (date != null) {
                    sheet.value(row, column, date);
                    sheet.style(row, column).format(DATE_FORMAT).set();
                    continue;
                }
                if (column == ExportColumns.DATE_SCHEDULED) {
                    continue;
                }
            } else if (kind == ColumnKind.NUMBER) {
                BigDecimal number = ExportColumns.number(columns.text(line, column));
                if (number != null) {
                    sheet.value(row, column, number);
                    continue;
                }
            }
            String text = cellText(columns, line, column);
            if (text == null || text.isEmpty()) {
                continue;
            }
            if (column < ExportColumns.FIXED.size()) {
                // The fixed columns repeat (an order's number and reference on each of its lines, a few statuses
                // and groups): shared strings write each once.
                sheet.value(row, column, text);
            } else {
                // Other columns may hold a different text on every line: the shared-string table would keep them
                // all in memory until the end, inline strings are written with the row and forgotten.
                sheet.inlineString(row, column, text);
            }
        }
    }

    private static String cellText(ExportColumns columns, OrderLine line, int column) {
        String text = FormulaGuard.guard(columns.text(line, column));
        return text != null && text.length() > MAX_CELL_LENGTH ? text.substring(0, MAX_CELL_LENGTH) : text;
    }

    /** Each column as wide as its longest value or header, in characters, at most {@value #MAX_WIDTH}. */
    private static double[] widths(ExportColumns columns, List<Order> orders) {
        int[] longest = new int[columns.size()];
        for (int column = 0; column < longest.length; column++) {
            longest[column] = columns.names().get(column).length() + HEADER_PADDING - VALUE_PADDING;
        }
        longest[ExportColumns.DATE_SCHEDULED] = Math.max(longest[ExportColumns.DATE_SCHEDULED],
                "05 Jan 2025".length());
        for (Order order : orders) {
            for (OrderLine line : order.lines()) {
                for (int column = 0; column < longest.length; column++) {
                    if (column != ExportColumns.DATE_SCHEDULED) {
                        String text = cellText(columns, line, column);
                        if (text != null && text.length() > longest[column]) {
                            longest[column] = text.length();
                        }
                    }
                }
            }
        }
        double[] widths = new double[longest.length];
        for (int column = 0; column < longest.length; column++) {
            widths[column] = Math.min(MAX_WIDTH, longest[column] + VALUE_PADDING);
        }
        return widths;
    }

    private static int lineCount(List<Order> orders) {
        int count = 0;
        for (Order order : orders) {
            count += order.lines().size();
        }
        return count;
    }
}
