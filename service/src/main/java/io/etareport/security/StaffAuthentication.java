package io.etareport.security;

import java.util.List;

import io.etareport.users.StaffUser;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is asking, for this request only: built from the {@code users} table on every request and
 * never stored in the session, so a change of role or a deactivation applies to the next request.
 */
final class StaffAuthentication extends AbstractAuthenticationToken {

    private final StaffUser user;

    StaffAuthentication(StaffUser user, Object details) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
        this.user = user;
        setDetails(details);
        setAuthenticated(true);
    }

    @Override
    public StaffUser getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    /** The email, which identifies staff in the {@code users} table. */
    @Override
    public String getName() {
        return user.email();
    }
}
