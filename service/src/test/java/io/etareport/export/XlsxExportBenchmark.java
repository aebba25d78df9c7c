package io.etareport.export;

import io.etareport.bench.Bench;
import io.etareport.report.BenchData;
import io.etareport.report.Order;

import java.util.List;

/**
 * The XLSX download (target: 100,000 rows in at most 2 s with {@code -Xmx256m}). Arguments: [rows] [other columns
 * per line].
 */
public final class XlsxExportBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = Bench.intArg(args, 0, 100_000);
        int otherColumns = Bench.intArg(args, 1, 8);
        Bench.header("XLSX export, " + rows + " rows, " + (8 + otherColumns) + " columns");

        List<Order> orders = BenchData.exportInput(rows, otherColumns);
        Bench.liveHeap("the orders");
        XlsxExport xlsx = new XlsxExport();
        Bench.measure("XlsxExport.write", 3, 7, () -> {
            CountingOutputStream out = new CountingOutputStream();
            xlsx.write(orders, out);
            return (out.count >> 10) + " KB";
        });
    }
}
