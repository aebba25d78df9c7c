package io.etareport.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import io.etareport.audit.AuditEntry;
import io.etareport.audit.AuditQuery;
import io.etareport.audit.AuditSearch;
import io.etareport.export.FormulaGuard;
import io.etareport.report.Dates;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /audit}: who changed what, for admins (see the security configuration), filtered by person,
 * entity and date, newest first, a page at a time, and as a CSV download. It lives here rather
 * than in {@code audit} because its CSV reuses the export's formula guard, and {@code export}
 * depends on the features that write the log.
 */
@Controller
class AuditLogController {


    private final AuditSearch search;
    private final Clock clock;

    private final ZoneId zone;
    private final DateTimeFormatter time;

    AuditLogController(AuditSearch search, Clock clock, ZoneId zone) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        this.search = search;
        this.clock = clock;
    }

    @ModelAttribute("section")
    String section() {
        return "audit";
    }

    @GetMapping("/audit")
    String list(@RequestParam(required = false) String person, @RequestParam(required = false) String entity,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "1") int page, Model model) {
        AuditQuery query = new AuditQuery(person, entity, from, to);
        model.addAttribute("result", search.page(query, page));
        model.addAttribute("people", search.actors());
        model.addAttribute("entities", search.entities());
        model.addAttribute("person", person == null ? "" : person);
        model.addAttribute("entity", entity == null ? "" : entity);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("time", time);
        // Dates are days in the business's zone: the labels name it and no day after its today can be picked.
        model.addAttribute("place", io.etareport.report.Dates.placeName(zone));
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        return "staff/audit";
    }

    @GetMapping("/audit.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String person,
                                              @RequestParam(required = false) String entity,
                                              @RequestParam(required = false)
                                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false)
                                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        List<AuditEntry> entries = search.all(new AuditQuery(person, entity, from, to));
        String fileName = "audit-log-" + LocalDate.now(clock.withZone(zone)) + ".csv";
        // Staff changes are few (thousands in two years): written whole, not streamed.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(entries, body);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body.toByteArray());
    }

    /** UTF-8 with a byte-order mark (as the customers' downloads), every cell through the formula guard. */
    void write(List<AuditEntry> entries, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        csv.printRecord("Time (" + Dates.placeName(zone) + ")", "Person", "Entity", "Id", "Action", "Before", "After");
        for (AuditEntry entry : entries) {
            csv.printRecord(Stream.of(time.format(entry.at()), entry.actor(), entry.entity(), entry.entityId(),
                    entry.action(), entry.before(), entry.after()).map(AuditLogController::cell).toArray());
        }
        csv.flush();
    }

    private static String cell(String text) {
        return text == null ? "" : FormulaGuard.guard(text);
    }
}
