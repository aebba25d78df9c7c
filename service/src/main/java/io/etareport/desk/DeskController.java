package io.etareport.desk;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.etareport.buz.Instance;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;
import io.etareport.customers.ReportLinks;
import io.etareport.jobs.ReportJobs;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff desk ({@code /desk}, the staff home), its CSV, "Refresh now" for one customer, and the customers at a
 * glance ({@code /desk/customers}). Everything shown is read from stored reports: opening these pages never calls
 * the supplier; only "Refresh now" starts a job, the same shared job a customer opening their link would.
 */
@Controller
class DeskController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final DeskData data;
    private final DeskProperties properties;
    private final CustomerRepository customers;
    private final ReportLinks links;
    private final ReportJobs jobs;
    private final Clock clock;
    private final ZoneId zone;

    DeskController(DeskData data, DeskProperties properties, CustomerRepository customers, ReportLinks links,
                   ReportJobs jobs, Clock clock, ZoneId zone) {
        this.data = data;
        this.properties = properties;
        this.customers = customers;
        this.links = links;
        this.jobs = jobs;
        this.clock = clock;
        this.zone = zone;
    }

    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/customers") ? "glance" : "desk";
    }

    @GetMapping("/desk")
    String desk(@RequestParam(required = false) String customer, @RequestParam(required = false) String factory,
                @RequestParam(required = false) String state, @RequestParam(required = false) String q,
                HttpServletRequest request, Model model) {
        Desk desk = data.desk(c -> links.linkFor(c, request));
        DeskFilter filter = DeskFilter.of(customer, factory, state, q);
        List<DeskGroup> groups = desk.grouped(filter, properties.rowsPerCustomer());
        model.addAttribute("desk", desk);
        model.addAttribute("filter", filter);
        model.addAttribute("groups", groups);
        model.addAttribute("rowCount", groups.stream().mapToInt(DeskGroup::matching).sum());
        model.addAttribute("hiddenCount", groups.stream().mapToInt(DeskGroup::hidden).sum());
        model.addAttribute("perCustomer", properties.rowsPerCustomer());
        model.addAttribute("withProblems", desk.customers().stream()
                .filter(c -> c.overdue() + c.moved() + c.ready() + c.onHold() > 0).toList());
        model.addAttribute("withoutReport", desk.withoutReport());
        model.addAttribute("factories", Instance.values());
        model.addAttribute("states", DeskState.values());
        model.addAttribute("csvQuery", request.getQueryString() == null ? "" : "?" + request.getQueryString());
        model.addAttribute("show", new Shown(clock, zone));
        return "staff/desk";
    }

    @GetMapping("/desk/desk.csv")
    void csv(@RequestParam(required = false) String customer, @RequestParam(required = false) String factory,
             @RequestParam(required = false) String state, @RequestParam(required = false) String q,
             HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<DeskGroup> rows = data.desk(c -> links.linkFor(c, request))
                .grouped(DeskFilter.of(customer, factory, state, q));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"desk.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        DeskCsv.write(rows, writer);
        writer.flush();
    }

    /** Starts (or joins) the customer's report job, exactly as opening their link would. */
    @PostMapping("/desk/refresh/{id}")
    String refresh(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        Customer customer = customers.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        jobs.start(customer);
        redirect.addFlashAttribute("notice", "Refreshing " + customer.name()
                + "'s orders from the supplier. Reload this page in a minute to see them.");
        return "customers".equals(back) ? "redirect:/desk/customers" : "redirect:/desk";
    }

    @GetMapping("/desk/customers")
    String glance(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                  @RequestParam(required = false) String only, HttpServletRequest request, Model model) {
        Desk desk = data.desk(c -> links.linkFor(c, request));
        String search = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        boolean neverOpened = "never-opened".equals(only);
        GlanceSort by = GlanceSort.parse(sort);
        List<DeskCustomer> rows = desk.customers().stream()
                .filter(c -> search == null || c.name().toLowerCase(Locale.ROOT).contains(search))
                .filter(c -> !neverOpened || c.neverOpened())
                .sorted(by.order())
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", desk.customers().size());
        model.addAttribute("neverOpenedCount", desk.customers().stream().filter(DeskCustomer::neverOpened).count());
        model.addAttribute("q", q);
        model.addAttribute("sort", by);
        model.addAttribute("sorts", GlanceSort.values());
        model.addAttribute("neverOpened", neverOpened);
        model.addAttribute("show", new Shown(clock, zone));
        return "staff/desk-customers";
    }

    /** How the customers list can be sorted: by name, or by any count (largest first). */
    enum GlanceSort {
        NAME("name", "Name", Comparator.comparing(DeskCustomer::name, String.CASE_INSENSITIVE_ORDER)),
        OPEN("open", "Open orders", Comparator.comparingInt(DeskCustomer::openOrders).reversed()),
        OVERDUE("overdue", "Overdue", Comparator.comparingLong(DeskCustomer::overdue).reversed()),
        MOVED("moved", "Moved this week", Comparator.comparingLong(DeskCustomer::moved).reversed()),
        READY("ready", "Ready", Comparator.comparingLong(DeskCustomer::ready).reversed()),
        LAST_OPENED("last-opened", "Last opened (never first)",
                Comparator.comparing(DeskCustomer::lastOpened, Comparator.nullsFirst(Comparator.naturalOrder()))),
        OPENS("opens", "Opens in 30 days", Comparator.comparingInt(DeskCustomer::opens30).reversed());

        private final String value;
        private final String label;
        private final Comparator<DeskCustomer> order;

        GlanceSort(String value, String label, Comparator<DeskCustomer> order) {
            this.value = value;
            this.label = label;
            this.order = order;
        }

        public String value() {
            return value;
        }

        public String label() {
            return label;
        }

        Comparator<DeskCustomer> order() {
            return order.thenComparing(DeskCustomer::name, String.CASE_INSENSITIVE_ORDER);
        }

        static GlanceSort parse(String value) {
            for (GlanceSort sort : values()) {
                if (sort.value.equals(value)) {
                    return sort;
                }
            }
            return NAME;
        }
    }

    /** Dates and ages as staff read them, in the business's time zone. */
    record Shown(Clock clock, ZoneId zone) {

        public String day(java.time.LocalDate day) {
            return DeskRow.day(day);
        }

        public String when(Instant at) {
            return at == null ? "" : WHEN.format(at.atZone(zone));
        }

        /** "just now", "25 min ago", "3 h ago", "2 days ago". */
        public String ago(Instant at) {
            if (at == null) {
                return "never";
            }
            Duration age = Duration.between(at, clock.instant());
            if (age.toMinutes() < 1) {
                return "just now";
            }
            if (age.toHours() < 1) {
                return age.toMinutes() + " min ago";
            }
            if (age.toDays() < 1) {
                return age.toHours() + " h ago";
            }
            return age.toDays() == 1 ? "1 day ago" : age.toDays() + " days ago";
        }
    }
}
