package io.etareport.export;

import io.etareport.bench.Bench;
import io.etareport.report.BenchData;
import io.etareport.report.Order;

import java.util.List;

/** The CSV download (target: 100,000 rows in at most 0.5 s). Arguments: [rows] [other columns per line]. */
public final class CsvExportBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = Bench.intArg(args, 0, 100_000);
        int otherColumns = Bench.intArg(args, 1, 8);
        Bench.header("CSV export, " + rows + " rows, " + (8 + otherColumns) + " columns");

        List<Order> orders = BenchData.exportInput(rows, otherColumns);
        Bench.liveHeap("the orders");
        CsvExport csv = new CsvExport();
        Bench.measure("CsvExport.write", 5, 10, () -> {
            CountingOutputStream out = new CountingOutputStream();
            csv.write(orders, out);
            return (out.count >> 10) + " KB";
        });
    }
}
