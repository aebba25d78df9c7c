package io.etareport.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Someone signed in with an account that is not an active member of staff. The address they used
 * is kept for the audit log only, never in the message (messages reach logs and Sentry).
 */
final class NotStaffException extends OAuth2AuthenticationException {

    private final transient String attemptedEmail;

    NotStaffException(String attemptedEmail) {
        super(new OAuth2Error("not_staff"), "Not an active member of staff");
        this.attemptedEmail = attemptedEmail;
    }

    /** The address the refused sign-in used, when known. */
    String attemptedEmail() {
        return attemptedEmail;
    }
}
