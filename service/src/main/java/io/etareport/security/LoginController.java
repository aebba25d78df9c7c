package io.etareport.security;

import java.util.List;

import io.etareport.users.StaffUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page: "Sign in with Google", or the demo's email form. */
@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> google;
    private final ObjectProvider<DemoSignIn> demo;

    LoginController(ObjectProvider<ClientRegistrationRepository> google, ObjectProvider<DemoSignIn> demo) {
        this.google = google;
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(@AuthenticationPrincipal StaffUser signedIn, Model model) {
        if (signedIn != null) {
            return "redirect:/desk";
        }
        DemoSignIn demoSignIn = demo.getIfAvailable();
        model.addAttribute("googleSignIn", google.getIfAvailable() != null);
        model.addAttribute("demoSignIn", demoSignIn != null);
        model.addAttribute("demoEmails", demoSignIn == null ? List.of() : demoSignIn.suggestedEmails());
        return "staff/login";
    }

    /**
     * The original signed out on a GET of this URL; here signing out is a POST (a link or an image on
     * another site cannot sign anyone out), so a bookmark of it shows the sign-out button.
     */
    @GetMapping("/logout")
    String logout(@AuthenticationPrincipal StaffUser signedIn) {
        return signedIn == null ? "redirect:/login" : "staff/logout";
    }
}
