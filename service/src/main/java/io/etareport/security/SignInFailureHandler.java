package io.etareport.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.etareport.audit.AuditLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;

/**
 * A refused sign-in leaves nothing behind but its audit entry: the session that carried the sign-in attempt is
 * invalidated and its cookie expired. Someone who is not staff sees the 403 page; any other
 * failure (cancelled at Google, expired attempt) goes back to the sign-in page.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

    private final CookieClearingLogoutHandler clearCookie;
    private final AuditLog audit;

    SignInFailureHandler(String sessionCookieName, AuditLog audit) {
        this.clearCookie = new CookieClearingLogoutHandler(sessionCookieName);
        this.audit = audit;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        clearCookie.logout(request, response, null);
        if (failure instanceof NotStaffException refused) {
            log.info("Sign-in refused: the account is not an active member of staff");
            // Only refusals: they need a real Google account, while any visitor can produce the
            // other failures (a stale callback) and would fill the log.
            audit.record(who(refused.attemptedEmail()), SignIns.AUDIT_ENTITY, null, "refused", null, null);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } else {
            log.info("Sign-in failed: {}", failure.getClass().getSimpleName());
            response.sendRedirect(request.getContextPath() + "/login?failed");
        }
    }

    private static String who(String email) {
        return email == null || email.isBlank() ? SignIns.UNKNOWN : email.trim();
    }
}
