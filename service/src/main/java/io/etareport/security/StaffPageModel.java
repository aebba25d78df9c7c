package io.etareport.security;

import jakarta.servlet.http.HttpServletRequest;

import io.etareport.users.StaffUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every staff page (by its URL, {@link StaffPages}) the signed-in member of staff, for the navigation and
 * role-dependent buttons, and the running version for the footer. A customer's page never gets them, even when
 * staff preview a link.
 */
@ControllerAdvice
class StaffPageModel {

    private final String version;

    StaffPageModel(ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
        this.version = version(build.getIfAvailable(), git.getIfAvailable());
    }

    /** "0.1.0 · 70ee37f", the running build as {@code /actuator/info} and {@code --version} name it. */
    static String version(BuildProperties build, GitProperties git) {
        String number = build == null ? "development build" : build.getVersion();
        return git == null || git.getShortCommitId() == null ? number : number + " · " + git.getShortCommitId();
    }

    @ModelAttribute("currentUser")
    StaffUser currentUser(@AuthenticationPrincipal StaffUser signedIn, HttpServletRequest request) {
        return signedIn != null && StaffPages.matches(request) ? signedIn : null;
    }

    /** Shown in the staff pages' footer only (customers never see it). */
    @ModelAttribute("serviceVersion")
    String serviceVersion() {
        return version;
    }
}
