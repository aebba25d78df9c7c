package io.etareport.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.etareport.users.StaffUser;
import io.etareport.users.StaffUsers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in person from the {@code users} table on every request and gives the
 * request their current role. Someone deactivated or deleted since they signed in loses their
 * session here, at their next request. Any other kind of authentication is not trusted.
 */
final class StaffAccessFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaffAccessFilter.class);

    private final StaffUsers users;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    StaffAccessFilter(StaffUsers users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = contexts.getContext().getAuthentication();
        if (signedIn != null && !(signedIn instanceof AnonymousAuthenticationToken)) {
            Optional<StaffUser> user = Optional.ofNullable(emailOf(signedIn)).flatMap(users::findActiveByEmail);
            if (user.isPresent()) {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(new StaffAuthentication(user.get(), signedIn.getDetails()));
                contexts.setContext(context);
            } else {
                log.info("Ending a session: its user is no longer active staff");
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                contexts.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    private static String emailOf(Authentication signedIn) {
        if (signedIn instanceof OAuth2AuthenticationToken token) {
            return token.getPrincipal().getAttribute("email");
        }
        if (signedIn instanceof StaffAuthentication staff) {
            return staff.getName();
        }
        return null;
    }
}
