package io.etareport.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.etareport.audit.AuditLog;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Records each sign-in in the audit log, then goes where the sign-in was heading (else {@code /admin}),
 * as Spring's default success handling does.
 */
final class SignIns extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String AUDIT_ENTITY = "sign-in";
    static final String UNKNOWN = "unknown";

    private final AuditLog audit;

    SignIns(AuditLog audit, RequestCache savedPages) {
        this.audit = audit;
        setRequestCache(savedPages);
        setDefaultTargetUrl("/desk");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        // The name of a staff sign-in (Google or demo) is the verified email.
        audit.record(authentication.getName(), AUDIT_ENTITY, null, "signed in", null, null);
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
