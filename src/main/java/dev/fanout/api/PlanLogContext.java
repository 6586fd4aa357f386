package dev.fanout.api;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.fanout.service.LogContext;

/** Puts the plan id of a request on every log line written while serving it ({@code plan=…}). */
public class PlanLogContext {

    @ServerRequestFilter
    public void enter(UriInfo uri) {
        LogContext.enterPlan(uri.getPathParameters().getFirst("id"));
    }

    @ServerResponseFilter
    public void leave() {
        LogContext.leavePlan();
    }
}
