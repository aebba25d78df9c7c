package io.etareport.link;

import jakarta.servlet.http.HttpServletRequest;

import io.etareport.notify.UpdateSignUps;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Email me when dates move" on the customer page. A link holder's route like the others, so the link is checked
 * by the resolver (within a replaced link's grace period the sign-up is to the customer, so to the current link).
 */
@Controller
class UpdateSignUpController {

    private final UpdateSignUps signUps;

    UpdateSignUpController(UpdateSignUps signUps) {
        this.signUps = signUps;
    }

    @PostMapping("/" + OpenLink.ID + "/updates")
    String signUp(OpenLink link, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "digest") String cadence, HttpServletRequest request, Model model) {
        if (!signUps.available()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        UpdateSignUps.Answer answer = signUps.signUp(link.customer(), email, cadence, request);
        model.addAttribute("back", "/" + link.id());
        model.addAttribute("title", answer.title());
        model.addAttribute("message", answer.message());
        return "notify/message";
    }
}
