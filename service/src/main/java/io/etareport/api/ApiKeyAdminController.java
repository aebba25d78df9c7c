package io.etareport.api;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staff/api-keys}: admins create and revoke the JSON API's named keys. A new key is shown
 * once, in the answer to the form that created it, and never stored or sent again.
 */
@Controller
@RequestMapping("/staff/api-keys")
class ApiKeyAdminController {

    private static final String PAGE = "staff/api-keys";

    private final ApiKeys keys;
    private final ApiCallLog calls;
    private final ApiProperties properties;
    private final Clock clock;

    private final DateTimeFormatter time;
    private final DateTimeFormatter day;

    ApiKeyAdminController(ApiKeys keys, ApiCallLog calls, ApiProperties properties, Clock clock, ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm", Locale.ENGLISH).withZone(zone);
        this.day = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH).withZone(zone);
        this.keys = keys;
        this.calls = calls;
        this.properties = properties;
        this.clock = clock;
    }

    @ModelAttribute("section")
    String section() {
        return "api-keys";
    }

    @GetMapping
    String list(Model model) {
        return page(model);
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name,
                  @RequestParam(name = "perMinute", required = false) Integer perMinute, Principal me, Model model) {
        try {
            ApiKeys.Created created = keys.create(name, perMinute == null ? 0 : perMinute, me.getName());
            model.addAttribute("created", created);
        } catch (ApiKeys.Refused refused) {
            model.addAttribute("problem", refused.getMessage());
            model.addAttribute("name", name);
        }
        return page(model);
    }

    @PostMapping("/revoke")
    String revoke(@RequestParam String name, Principal me, RedirectAttributes redirect) {
        if (keys.revoke(name, me.getName())) {
            redirect.addFlashAttribute("notice", "Revoked " + name + ". Calls with it are refused from now on.");
        } else {
            redirect.addFlashAttribute("problem", "No active key is named " + name + ".");
        }
        return "redirect:/staff/api-keys";
    }

    /** One key as the page lists it, times in the business's zone. */
    record Row(String name, String prefix, int perMinute, int callsLastDay, String lastUsed, String created,
               boolean active) {
    }

    private String page(Model model) {
        Map<String, Integer> callsLastDay = calls.countsSince(clock.instant().minus(Duration.ofDays(1)));
        Map<String, Instant> lastUsed = calls.lastUsed();
        model.addAttribute("keys", keys.list().stream().map(key -> new Row(key.name(), key.prefix(), key.perMinute(),
                callsLastDay.getOrDefault(key.name(), 0),
                lastUsed.containsKey(key.name()) ? time.format(lastUsed.get(key.name())) : "Never",
                day.format(key.createdAt()) + (key.createdBy() == null ? "" : " by " + key.createdBy()),
                key.active())).toList());
        model.addAttribute("environmentKeySet", keys.environmentKeySet());
        model.addAttribute("defaultPerMinute", properties.requestsPerMinute());
        return PAGE;
    }
}
