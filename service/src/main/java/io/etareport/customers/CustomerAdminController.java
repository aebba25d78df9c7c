package io.etareport.customers;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer list with each customer's private link, and adding, editing and deleting customers.
 * Every member of staff sees the list; only admins change it (see the security configuration). The
 * original's URLs ({@code /edit/<id>}, {@code /delete/<id>}) keep working beside ours; a rejected form
 * is shown again with its message and status 400, as the original answered.
 */
@Controller
class CustomerAdminController {

    private final CustomerRepository customers;
    private final ReportLinks links;
    private final CustomerLinks linkStates;
    private final LinkMail mail;

    CustomerAdminController(CustomerRepository customers, ReportLinks links, CustomerLinks linkStates, LinkMail mail) {
        this.mail = mail;
        this.customers = customers;
        this.links = links;
        this.linkStates = linkStates;
    }

    @ModelAttribute("section")
    String section() {
        return "customers";
    }

    @ModelAttribute("fieldTypes")
    List<String> fieldTypes() {
        return Arrays.stream(FieldType.values()).map(FieldType::label).toList();
    }

    @GetMapping("/admin")
    String list(Model model, HttpServletRequest request) {
        model.addAttribute("customerForm", new CustomerForm());
        return showList(model, request);
    }

    @PostMapping("/admin")
    String add(@Valid @ModelAttribute("customerForm") CustomerForm form, BindingResult result, Model model,
               HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        checkNamesAndType(form, result);
        if (result.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showList(model, request);
        }
        String displayName = form.getDisplayName().isBlank()
                ? Customer.defaultDisplayName(form.getDdName(), form.getCbrName()) : form.getDisplayName();
        Customer added = customers.add(form.getDdName(), form.getCbrName(), form.parsedFieldType().orElseThrow(),
                displayName);
        redirect.addFlashAttribute("notice", "Added " + added.name() + ". Their link is in the list below.");
        return "redirect:/admin";
    }

    /** The original's edit URL. */
    @GetMapping("/edit/{id}")
    String originalEdit(@PathVariable long id) {
        return "redirect:/admin/edit/" + id;
    }

    @GetMapping("/admin/edit/{id}")
    String edit(@PathVariable long id, Model model) {
        Customer customer = existing(id);
        model.addAttribute("customer", customer);
        model.addAttribute("customerForm", CustomerForm.of(customer));
        return "staff/customer-edit";
    }

    @PostMapping({"/admin/edit/{id}", "/edit/{id}"})
    String update(@PathVariable long id, @Valid @ModelAttribute("customerForm") CustomerForm form,
                  BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Customer customer = existing(id);
        checkNamesAndType(form, result);
        if (result.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("customer", customer);
            return "staff/customer-edit";
        }
        customers.update(id, form.getDdName(), form.getCbrName(), form.parsedFieldType().orElseThrow(),
                form.getDisplayName());
        redirect.addFlashAttribute("notice", "Saved " + existing(id).name() + ". The link has not changed.");
        return "redirect:/admin";
    }

    @GetMapping("/admin/delete/{id}")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("customer", existing(id));
        return "staff/customer-delete";
    }

    @PostMapping({"/admin/delete/{id}", "/delete/{id}"})
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Customer customer = existing(id);
        customers.delete(id);
        redirect.addFlashAttribute("notice", "Deleted " + customer.name() + ". Their link no longer works.");
        return "redirect:/admin";
    }

    private String showList(Model model, HttpServletRequest request) {
        java.util.Set<Long> paused = linkStates.pausedCustomerIds();
        List<Row> rows = customers.findAll().stream()
                .map(c -> {
                    String link = links.linkFor(c, request);
                    return new Row(c, link, paused.contains(c.id()), mail.mailto(c, link));
                }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("allLinks", rows.stream().map(row -> row.customer().name() + ": " + row.link())
                .collect(Collectors.joining("\n")));
        return "staff/customers";
    }

    private static void checkNamesAndType(CustomerForm form, BindingResult result) {
        if (!form.hasAName()) {
            result.reject("names", "Pick at least one customer: enter a DD name, a CBR name, or both.");
        }
        if (form.parsedFieldType().isEmpty()) {
            result.rejectValue("fieldType", "invalid", "Choose Customer Name or Customer Group.");
        }
    }

    private Customer existing(long id) {
        return customers.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** One line of the list: the customer, their full link, whether it is paused, and "Email link". */
    record Row(Customer customer, String link, boolean paused, String mailto) {
    }
}
