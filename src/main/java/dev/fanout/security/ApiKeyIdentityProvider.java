package dev.fanout.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Whose key a request presents: its owner is the identity's principal, its role the identity's role (a write key has
 * both read and write). An unknown key fails authentication (401); the key is never logged.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final ApiKeys keys;

    public ApiKeyIdentityProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return keys.holderOf(request.getToken().getToken())
                .map(holder -> Uni.createFrom().item(identity(holder)))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown API key")));
    }

    private static SecurityIdentity identity(ApiKeys.Holder holder) {
        var identity = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(holder.owner()))
                .addRole(ApiKeys.Role.READ.label());
        if (holder.role() == ApiKeys.Role.WRITE) {
            identity.addRole(ApiKeys.Role.WRITE.label());
        }
        return identity.build();
    }
}
