package io.etareport.notify;

import io.etareport.audit.AuditLog;
import io.etareport.customers.Customer;
import io.etareport.customers.CustomerRepository;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer's update mail subscribers, for admins: how many, their addresses masked, which ones the mail server
 * refused for good; remove one, or keep them after the customer's link was replaced. Every change is audited.
 */
@Controller
class SubscriberAdminController {

    private final Subscriptions subscriptions;
    private final CustomerRepository customers;
    private final Outbox outbox;

    SubscriberAdminController(Subscriptions subscriptions, CustomerRepository customers, Outbox outbox) {
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.outbox = outbox;
    }

    @ModelAttribute("section")
    String section() {
        return "customers";
    }

    @GetMapping("/staff/customers/{id}/subscribers")
    String page(@PathVariable long id, Model model) {
        Customer customer = customer(id);
        var subscribers = subscriptions.forStaff(id);
        model.addAttribute("customer", customer);
        model.addAttribute("subscribers", subscribers);
        model.addAttribute("onOldLink", subscribers.stream()
                .filter(subscriber -> !subscriber.linkId().equals(customer.obfuscatedId())).count());
        model.addAttribute("failedMails", outbox.count("failed"));
        model.addAttribute("unknownMails", outbox.count("unknown"));
        return "staff/subscribers";
    }

    @PostMapping("/staff/customers/{id}/subscribers/{subscriberId}/remove")
    String remove(@PathVariable long id, @PathVariable long subscriberId, RedirectAttributes redirect) {
        boolean removed = subscriptions.remove(id, subscriberId, AuditLog.currentActor());
        redirect.addFlashAttribute(removed ? "notice" : "problem",
                removed ? "Removed: that address gets no more mail." : "That subscriber was already gone.");
        return "redirect:/staff/customers/" + id + "/subscribers";
    }

    @PostMapping("/staff/customers/{id}/subscribers/move-to-new-link")
    String move(@PathVariable long id, RedirectAttributes redirect) {
        int moved = subscriptions.moveToNewLink(customer(id), AuditLog.currentActor());
        redirect.addFlashAttribute("notice", moved + (moved == 1 ? " subscriber keeps" : " subscribers keep")
                + " getting mail, with the new link.");
        return "redirect:/staff/customers/" + id + "/subscribers";
    }

    private Customer customer(long id) {
        return customers.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
