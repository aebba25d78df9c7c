package io.etareport.export;

import io.etareport.buz.ColumnKind;
import io.etareport.buz.ColumnRegistry;
import io.etareport.buz.InstanceNames;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import io.etareport.report.Order;
import io.etareport.report.OrderModel;
import io.etareport.report.OrderModels;
import io.etareport.report.Report;
import io.etareport.report.ReportFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A report as a downloaded file, filtered like the page and streamed to the response: one answer
 * for the customer's download links and the JSON API's download route.
 */
@Component
public class ReportDownload {

    private final Clock clock;
    private final MeterRegistry registry;
    private final ColumnRegistry columns;
    private final ZoneId zone;

    private final OrderModels models;

    private final InstanceNames factoryNames;

    ReportDownload(Clock clock, MeterRegistry registry, ColumnRegistry columns, ZoneId zone, OrderModels models,
                   InstanceNames factoryNames) {
        this.factoryNames = factoryNames;
        this.models = models;
        this.clock = clock;
        this.zone = zone;
        this.registry = registry;
        this.columns = columns;
    }

    /** @param via {@code page} or {@code api}, for the downloads metric */
    public ResponseEntity<StreamingResponseBody> respond(Report report, ReportFilter filter, ExportFormat format,
                                                         String via) {
        OrderModel model = models.of(report);
        List<Order> orders = filter.apply(model);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String fileName = ExportFileName.of(report.customerName(), today, format.extension());
        Counter.builder("eta.downloads")
                .description("Report downloads by format")
                .tag("format", format.extension())
                .tag("via", via)
                .register(registry)
                .increment();
        // The report holds only the columns the policy let in; here we only learn which hold numbers or dates.
        Function<String, ColumnKind> kinds = columns.kinds();
        StreamingResponseBody body = out -> format.write(orders, out, kinds, model, factoryNames::of);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
