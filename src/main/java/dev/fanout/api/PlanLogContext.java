package dev.fanout.api;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Puts the plan id of a request on every log line written while serving it ({@code plan=…}). */
public class PlanLogContext {

    @ServerRequestFilter
    public void enter(UriInfo uri) {
        var id = uri.getPathParameters().getFirst("id");
        if (id != null) {
            MDC.put("planId", id);
        } else {
            MDC.remove("planId");
        }
    }

    @ServerResponseFilter
    public void leave() {
        MDC.remove("planId");
    }
}
