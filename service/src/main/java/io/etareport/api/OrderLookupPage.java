package io.etareport.api;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.etareport.buz.Instance;
import io.etareport.cache.Fetched;
import io.etareport.report.InstanceSource;
import io.etareport.report.SavedCopyNotice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The order look-up for people ({@code /orders?number=...}): the same look-ups as {@code /jobs-schedule} and
 * {@code /wip}, on both factories at once, with the notice customers get when what is shown is a saved copy.
 */
@Controller
class OrderLookupPage {

    private static final Logger log = LoggerFactory.getLogger(OrderLookupPage.class);

    private final OrderLookup lookup;
    private final Clock clock;
    private final ZoneId zone;

    OrderLookupPage(OrderLookup lookup, Clock clock, ZoneId zone) {
        this.lookup = lookup;
        this.clock = clock;
        this.zone = zone;
    }

    /** One look-up's answer: its rows as a table, a saved-copy notice, or why there is nothing. */
    record Section(Instance instance, String what, String jsonPath, List<String> columns, List<List<String>> rows,
                   String notice, String problem) {
    }

    @GetMapping("/orders")
    String page(@RequestParam(required = false) String number, Model model) {
        model.addAttribute("section", "orders");
        String wanted = number == null ? null : number.strip();
        model.addAttribute("number", wanted);
        if (wanted == null || wanted.isEmpty()) {
            return "staff/orders";
        }
        if (!OrderLookupController.ORDER_NUMBER.matcher(wanted).matches()) {
            model.addAttribute("problem", "That is not an order number: use letters, digits, dots, dashes or"
                    + " underscores, up to 50.");
            return "staff/orders";
        }
        List<Section> sections = new ArrayList<>();
        for (Instance instance : Instance.values()) {
            sections.add(section(instance, OrderLookup.JOBS_SCHEDULE, "Order lines", "/jobs-schedule/", wanted));
            sections.add(section(instance, OrderLookup.WORK_IN_PROGRESS, "Work in progress", "/wip/", wanted));
        }
        model.addAttribute("sections", sections);
        model.addAttribute("found", sections.stream().anyMatch(section -> !section.rows().isEmpty()));
        return "staff/orders";
    }

    private Section section(Instance instance, String entitySet, String what, String path, String number) {
        String json = path + instance + "/" + number;
        try {
            Fetched<List<Map<String, Object>>> fetched = lookup.fetch(instance, entitySet, number);
            LinkedHashSet<String> columns = new LinkedHashSet<>();
            fetched.value().forEach(row -> columns.addAll(row.keySet()));
            List<List<String>> rows = fetched.value().stream()
                    .map(row -> columns.stream().map(column -> Objects.toString(row.get(column), "")).toList())
                    .toList();
            String notice = SavedCopyNotice.of(new InstanceSource(instance, fetched.source(), fetched.refreshedAt()),
                    clock.instant(), zone).orElse(null);
            return new Section(instance, what, json, List.copyOf(columns), rows, notice, null);
        } catch (RuntimeException e) {
            log.warn("Order look-up page on {} {} failed: {}", instance, entitySet, e.toString());
            String message = e.getMessage() == null || e.getMessage().isBlank()
                    ? "The supplier's system is not available. Try again in a few minutes." : e.getMessage();
            return new Section(instance, what, json, List.of(), List.of(), null, message);
        }
    }
}
