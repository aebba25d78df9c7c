package io.etareport.export;

import io.etareport.buz.ColumnKind;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import io.etareport.report.Dates;
import io.etareport.report.Order;
import io.etareport.report.OrderModel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Writes orders as CSV, one row per line, as it goes: UTF-8 with a byte-order mark (so Excel reads accents
 * right), a header row, every date column as {@code 05 Jan 2025}, every text cell through the {@link FormulaGuard}.
 */
final class CsvExport {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Writes these (already filtered) orders to {@code out}, flushes it, and leaves it open. */
    public void write(List<Order> orders, OutputStream out) throws IOException {
        write(orders, out, null);
    }

    /**
     * Writes these (already filtered) orders to {@code out} with every column their lines carry, every date
     * column as {@code 05 Jan 2025}; flushes it and leaves it open.
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
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(BYTE_ORDER_MARK);
        // Not closed: closing would close the caller's stream.
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        // Column names come from the supplier's data: guarded like every other cell.
        csv.printRecord(columns.names().stream().map(FormulaGuard::guard).toList());
        String[] row = new String[columns.size()];
        for (Order order : orders) {
            for (OrderLine line : order.lines()) {
                for (int column = 0; column < row.length; column++) {
                    row[column] = cell(columns, line, column);
                }
                csv.printRecord((Object[]) row);
            }
        }
        csv.flush();
    }

    private static String cell(ExportColumns columns, OrderLine line, int column) {
        if (column == ExportColumns.DATE_SCHEDULED) {
            return line.dateScheduled() == null ? "" : Dates.display(line.dateScheduled());
        }
        ColumnKind kind = columns.kind(column);
        if (kind == ColumnKind.DATE) {
            LocalDate date = columns.date(line, column);
            if (date != null) {
                return Dates.display(date);
            }
        } else if (kind == ColumnKind.NUMBER) {
            String raw = columns.text(line, column);
            if (ExportColumns.number(raw) != null) {
                // A number is no formula: "-2" stays -2.
                return raw;
            }
        }
        String text = FormulaGuard.guard(columns.text(line, column));
        return text == null ? "" : text;
    }
}
