package io.etareport.notify;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Confirming from the mail (signing up is a link holder's route: {@code link.UpdateSignUpController}), and unsubscribing (from the mail's link, or in one
 * click from the mail program, RFC 8058). Confirmation and unsubscribe links show a page with a button first:
 * mail scanners open links, and must not confirm or unsubscribe anyone.
 */
@Controller
class SubscriptionController {

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/updates/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!subscriptions.confirmable(token)) {
            return refused(model, response);
        }
        model.addAttribute("title", "Confirm your order updates");
        model.addAttribute("message", "Press the button to start getting emails when your orders move.");
        model.addAttribute("action", "/updates/confirm/" + token);
        model.addAttribute("button", "Confirm");
        return "notify/message";
    }

    @PostMapping("/updates/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!subscriptions.confirm(token)) {
            return refused(model, response);
        }
        model.addAttribute("title", "You're signed up");
        model.addAttribute("message", "We will email you when your orders' dates move, when they are ready, late or"
                + " finished. Every email has a link to stop them.");
        return "notify/message";
    }

    private static String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("title", "This link no longer works");
        model.addAttribute("message", "Confirmation links work once, for a limited time. Sign up again on your"
                + " order page to get a new one.");
        return "notify/message";
    }

    @GetMapping("/updates/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model) {
        model.addAttribute("title", "Stop order updates");
        model.addAttribute("message", "Press the button to stop these emails. Your address will be deleted.");
        model.addAttribute("action", "/updates/unsubscribe/" + token);
        model.addAttribute("button", "Stop the emails");
        return "notify/message";
    }

    /** The page's button, and mail programs' one-click POST (body {@code List-Unsubscribe=One-Click}). */
    @PostMapping("/updates/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        // The same answer whether or not the address was still there: unsubscribing twice is no error.
        subscriptions.unsubscribe(token);
        model.addAttribute("title", "You're unsubscribed");
        model.addAttribute("message", "We will not email you about these orders again, and your address is deleted.");
        return "notify/message";
    }
}
