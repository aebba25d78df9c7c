package io.etareport.report;

import io.etareport.bench.Bench;
import io.etareport.buz.Instance;
import io.etareport.buz.OrderLine;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * The report pipeline on a large customer group (target: 50,000 lines in at most 300 ms), then what each page
 * view and download does with the result: filter it, and read it back from the jobs table as JSON.
 * Arguments: [lines] [other columns per line].
 */
public final class ReportBuilderBenchmark {

    public static void main(String[] args) throws Exception {
        int lines = Bench.intArg(args, 0, 50_000);
        int otherColumns = Bench.intArg(args, 1, 8);
        Bench.header("Report pipeline, " + lines + " lines, " + otherColumns + " other columns");

        Map<Instance, List<OrderLine>> input = BenchData.pipelineInput(lines, otherColumns);
        Map<String, String> mapping = BenchData.statusMapping();
        Bench.liveHeap("the input lines");
        ReportBuilder builder = new ReportBuilder(ReportRules.defaults());
        Bench.measure("ReportBuilder.build", 10, 15, () -> describe(
                builder.build("Bench Customer", input, mapping, BenchData.sources(), BenchData.AT)));

        Report report = builder.build("Bench Customer", input, mapping, BenchData.sources(), BenchData.AT);
        ReportFilter filter = ReportFilter.of(Map.of(
                "status", List.of(report.choices().statuses().get(0), report.choices().statuses().get(1)),
                "supplier", List.of("DD")));
        Bench.measure("ReportFilter.apply (2 statuses, DD)", 10, 15,
                () -> filter.apply(report.orders()).size() + " orders");
        ReportFilter search = ReportFilter.of(Map.of("q", List.of("main st")));
        Bench.measure("ReportFilter.apply (search)", 10, 15, () -> search.apply(report.orders()).size() + " orders");

        JsonMapper json = JsonMapper.builder().build();
        String stored = json.writeValueAsString(report);
        Bench.measure("JSON write (jobs table)", 5, 10, () -> json.writeValueAsString(report).length() + " chars");
        Bench.measure("JSON read (jobs table)", 5, 10,
                () -> describe(json.readValue(stored, Report.class)));
    }

    private static String describe(Report report) {
        return report.orders().size() + " orders, " + report.lineCount() + " lines";
    }
}
