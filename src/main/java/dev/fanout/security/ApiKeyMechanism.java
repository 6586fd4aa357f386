package dev.fanout.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads {@code Authorization: Bearer <key>} and has {@link ApiKeyIdentityProvider} find whose key it is. Without keys
 * configured every request is {@link #LOCAL}, the one caller who may do everything (the service then listens on this
 * machine only), so the permissions in {@code application.properties} and the {@code @RolesAllowed} of the MCP tools
 * hold with and without keys alike. The 401 a request without a usable key gets is problem+json, written here.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

    /** Whoever calls when no key is configured: may read and write, and sees every plan ({@link Caller}). */
    static final SecurityIdentity LOCAL = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("local"))
            .addRole(ApiKeys.Role.READ.label()).addRole(ApiKeys.Role.WRITE.label()).build();

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;

    public ApiKeyMechanism(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!keys.enabled()) {
            return Uni.createFrom().item(LOCAL);
        }
        var header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            // Anonymous: the paths that need a key answer 401 with the challenge below; the rest stay open.
            return Uni.createFrom().nullItem();
        }
        var key = header.substring(BEARER.length()).strip();
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(new TokenCredential(key, "bearer")), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"fanout\""));
    }

    /** The challenge with a body saying what is missing, as every other refusal of the API has. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        var header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        var detail = header == null
                ? "this route needs an API key: send it as Authorization: Bearer <key>"
                : "the Authorization header holds no API key this service knows (Authorization: Bearer <key>)";
        SecurityProblems.write(context, 401, "Unauthorized", detail);
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
