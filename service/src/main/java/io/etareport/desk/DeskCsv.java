package io.etareport.desk;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import io.etareport.export.FormulaGuard;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The desk's rows as CSV, every text cell formula-guarded (customer names and references come from outside). */
final class DeskCsv {

    static final List<String> HEADER = List.of("Customer", "Factory", "Order", "Reference", "Why", "Expected",
            "Was", "Business days late", "State", "Items ready");

    private DeskCsv() {
    }

    /** The groups' rows: given {@link Desk#grouped(DeskFilter)}, every row the filter keeps, uncapped. */
    static void write(List<DeskGroup> groups, Writer writer) throws IOException {
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        csv.printRecord(HEADER);
        for (DeskGroup group : groups) {
            String customer = FormulaGuard.guard(group.customer().name());
            for (DeskRow row : group.shown()) {
                print(csv, customer, row);
            }
        }
        csv.flush();
    }

    private static void print(CSVPrinter csv, String customer, DeskRow row) throws IOException {
        csv.printRecord(
                customer,
                row.instance().name(),
                FormulaGuard.guard(row.refNo()),
                FormulaGuard.guard(row.reference()),
                row.states().stream().sorted().map(DeskState::label).collect(Collectors.joining(", ")),
                day(row.expected()),
                day(row.movedFrom()),
                row.view().overdue() ? String.valueOf(row.view().businessDaysLate()) : "",
                FormulaGuard.guard(row.view().state()),
                FormulaGuard.guard(row.view().itemsReadyText()));
    }

    private static String day(LocalDate day) {
        return day == null ? "" : day.toString();
    }
}
