package io.etareport.customers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The site's front door at {@code /}: who runs it, that customers open the link they were sent, and
 * where staff sign in. It lists nothing: every report is behind its own private link.
 */
@Controller
class LandingPageController {

    private final BrandProperties brand;

    LandingPageController(BrandProperties brand) {
        this.brand = brand;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("brand", brand);
        return "home";
    }
}
