package io.etareport.security;

import jakarta.servlet.http.HttpServletRequest;

import io.etareport.users.StaffUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every staff page (by its URL, {@link StaffPages}) the signed-in member of staff, for the navigation and
 * role-dependent buttons. A customer's page never gets it, even when staff preview a link.
 */
@ControllerAdvice
class StaffPageModel {

    @ModelAttribute("currentUser")
    StaffUser currentUser(@AuthenticationPrincipal StaffUser signedIn, HttpServletRequest request) {
        return signedIn != null && StaffPages.matches(request) ? signedIn : null;
    }
}
