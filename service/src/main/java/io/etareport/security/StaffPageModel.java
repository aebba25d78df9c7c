package io.etareport.security;

import io.etareport.users.StaffUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every staff page the signed-in member of staff, for the navigation and role-dependent buttons. */
@ControllerAdvice(basePackages = {"io.etareport.customers", "io.etareport.users", "io.etareport.statuses",
        "io.etareport.api", "io.etareport.security", "io.etareport.notify"})
class StaffPageModel {

    @ModelAttribute("currentUser")
    StaffUser currentUser(@AuthenticationPrincipal StaffUser signedIn) {
        return signedIn;
    }
}
