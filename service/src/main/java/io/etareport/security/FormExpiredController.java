package io.etareport.security;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The page for a form sent without a valid CSRF token: the refused request is forwarded here as it was (usually a
 * POST), so every method is answered.
 */
@Controller
class FormExpiredController {

    /** Under {@code /error}, which anyone may see. */
    static final String PATH = "/error/form-expired";

    @RequestMapping(PATH)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String formExpired() {
        return "error/form-expired";
    }
}
