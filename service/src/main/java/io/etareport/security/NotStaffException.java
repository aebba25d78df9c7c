package io.etareport.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** Someone signed in with an account that is not an active member of staff. */
final class NotStaffException extends OAuth2AuthenticationException {

    NotStaffException() {
        super(new OAuth2Error("not_staff"), "Not an active member of staff");
    }
}
