package io.etareport.security;

import java.util.List;

import io.etareport.api.ApiCaller;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A call to the JSON API made with a valid key; its name is "api key <the key's name>". */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiCaller caller;

    ApiKeyAuthentication(ApiCaller caller) {
        super(List.of(new SimpleGrantedAuthority("ROLE_API")));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        // What the audit log names as the author of a change made through the API.
        return "api key " + caller.keyName();
    }
}
