package io.etareport.security;

import java.util.List;

import io.etareport.users.StaffUsers;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Lets a Google account in only when its email belongs to an active member of staff. The session
 * keeps just the verified identity; roles are read from the table on each request.
 */
final class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService google = new OidcUserService();
    private final StaffUsers users;

    StaffOidcUserService(StaffUsers users) {
        this.users = users;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser account = google.loadUser(request);
        String email = account.getEmail();
        // Only an address the provider says it checked proves anything: a token without the claim is refused too.
        if (email == null || !Boolean.TRUE.equals(account.getEmailVerified())
                || users.findActiveByEmail(email).isEmpty()) {
            throw new NotStaffException(email);
        }
        return new DefaultOidcUser(List.of(), account.getIdToken(), account.getUserInfo(), "email");
    }
}
