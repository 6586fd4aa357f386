package dev.fanout.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;

/**
 * Whose plans the current caller sees, and in whose name it stores new ones: the owner of its API key. Asked by
 * {@code service.PlanCatalog}, the one place plans are filtered by owner.
 */
@ApplicationScoped
public class Caller {

    /**
     * Which plans one caller sees: every plan ({@link #EVERYONE}: no keys configured, or the service's own work, which
     * runs outside any request), or those of {@code owner}. A request without an identity sees none (it never gets
     * past the permissions, but if it did it would find nothing).
     */
    public record Scope(boolean everyone, String owner) {
        public static final Scope EVERYONE = new Scope(true, null);
        static final Scope NOBODY = new Scope(false, null);

        /** Whether a plan stored by {@code planOwner} (null: stored without keys) is visible. */
        public boolean sees(String planOwner) {
            return everyone || owner != null && owner.equals(planOwner);
        }
    }

    private final ApiKeys keys;
    private final CurrentIdentityAssociation identity;

    public Caller(ApiKeys keys, CurrentIdentityAssociation identity) {
        this.keys = keys;
        this.identity = identity;
    }

    public Scope scope() {
        // Outside a request: the start-up (example plans, resumed solves) and the solver's threads, for every owner.
        if (!keys.enabled() || !Arc.container().requestContext().isActive()) {
            return Scope.EVERYONE;
        }
        var current = identity.getIdentity();
        return current.isAnonymous() ? Scope.NOBODY : new Scope(false, current.getPrincipal().getName());
    }
}
