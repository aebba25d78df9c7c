package io.etareport.columns;

import java.security.Principal;
import java.time.ZoneId;

import io.etareport.audit.AuditLog;
import io.etareport.buz.ColumnPolicy;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /columns}: what BuzManager sends and what customers may see of it. Admins only (see SecurityConfig). */
@Controller
class ColumnsController {

    static final String SENSITIVE = "That column cannot be approved: its name looks like a cost, a price, a profit, a"
            + " margin, a discount, a note or an internal id, and such columns never reach customers.";

    static final String AUDIT_ENTITY = "column";

    private final BuzColumns columns;
    private final AuditLog audit;
    private final ZoneId zone;
    private final TransactionTemplate transactions;

    ColumnsController(BuzColumns columns, AuditLog audit, ZoneId zone, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.columns = columns;
        this.audit = audit;
        this.zone = zone;
    }

    @ModelAttribute("section")
    String section() {
        return "columns";
    }

    @GetMapping("/columns")
    String list(Model model) {
        model.addAttribute("columns", columns.list());
        model.addAttribute("zone", zone);
        model.addAttribute("newFor", BuzColumns.NEW_FOR.toDays());
        return "staff/columns";
    }

    @PostMapping("/columns/approve")
    String approve(@RequestParam String name, Principal who, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        if (!ColumnPolicy.canApprove(name)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", SENSITIVE);
            return list(model);
        }
        boolean shownBefore = columns.policy().allows(name);
        // The decision and its audit row are one change: neither is kept without the other.
        transactions.executeWithoutResult(status -> {
            columns.approve(name, who == null ? null : who.getName());
            audit.record(AUDIT_ENTITY, name, "approve", AuditLog.fields("shown", shownBefore),
                    AuditLog.fields("shown", true));
        });
        redirect.addFlashAttribute("notice", "Approved \u201c" + name + "\u201d: customers see it from the next"
                + " time their orders are fetched from BuzManager.");
        return "redirect:/columns";
    }

    @PostMapping("/columns/hold-back")
    String holdBack(@RequestParam String name, Principal who, RedirectAttributes redirect) {
        boolean shownBefore = columns.policy().allows(name);
        transactions.executeWithoutResult(status -> {
            columns.holdBack(name, who == null ? null : who.getName());
            audit.record(AUDIT_ENTITY, name, "hold back", AuditLog.fields("shown", shownBefore),
                    AuditLog.fields("shown", false));
        });
        redirect.addFlashAttribute("notice", "Held back \u201c" + name + "\u201d: it is gone from every page and"
                + " download, and from every stored copy.");
        return "redirect:/columns";
    }
}
