package io.etareport.customers;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "New link", "Pause" and "Resume" on {@code /admin}. Admins only (see the security configuration). */
@Controller
@RequestMapping("/admin")
class CustomerLinkController {

    private final CustomerRepository customers;
    private final CustomerLinks links;

    CustomerLinkController(CustomerRepository customers, CustomerLinks links) {
        this.customers = customers;
        this.links = links;
    }

    @ModelAttribute("section")
    String section() {
        return "customers";
    }

    @GetMapping("/link/{id}")
    String confirmNewLink(@PathVariable long id, Model model) {
        model.addAttribute("customer", existing(id));
        return "staff/customer-new-link";
    }

    /** {@code current} is the link the admin saw, so a second press meanwhile changes nothing. */
    @PostMapping("/link/{id}")
    String newLink(@PathVariable long id, @RequestParam(required = false) String current, Principal me,
                   RedirectAttributes redirect) {
        Customer customer = existing(id);
        try {
            if (current == null || current.isBlank()) {
                links.rotateLink(id, me.getName());
            } else {
                links.rotateLink(id, current, me.getName());
            }
            redirect.addFlashAttribute("notice", "New link for " + customer.name()
                    + ": it is in the list below. Send it to them; the old link no longer shows their orders.");
        } catch (CustomerLinks.LinkChangedException changed) {
            redirect.addFlashAttribute("problem", changed.getMessage());
        }
        return "redirect:/admin";
    }

    @PostMapping("/pause/{id}")
    String pause(@PathVariable long id, Principal me, RedirectAttributes redirect) {
        Customer customer = links.pause(id, me.getName()).orElseThrow(CustomerLinkController::notFound);
        redirect.addFlashAttribute("notice", "Paused the link of " + customer.name()
                + ". It shows a neutral page until you resume it.");
        return "redirect:/admin";
    }

    @PostMapping("/resume/{id}")
    String resume(@PathVariable long id, Principal me, RedirectAttributes redirect) {
        Customer customer = links.resume(id, me.getName()).orElseThrow(CustomerLinkController::notFound);
        redirect.addFlashAttribute("notice", "Resumed the link of " + customer.name() + ". It works again.");
        return "redirect:/admin";
    }

    private Customer existing(long id) {
        return customers.findById(id).orElseThrow(CustomerLinkController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
