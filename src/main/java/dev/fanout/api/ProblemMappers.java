package dev.fanout.api;

import java.io.IOException;
import java.util.Locale;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.fanout.formats.NotAcceptable;
import dev.fanout.formats.UnknownFormat;
import dev.fanout.formats.UnsupportedPlanFormat;
import dev.fanout.plan.PlanReader;
import dev.fanout.plan.PlanRejectedException;
import dev.fanout.service.AlreadySolving;
import dev.fanout.service.InvalidParameter;
import dev.fanout.service.NotSolvedYet;
import dev.fanout.service.NotSolving;
import dev.fanout.service.Overloaded;
import dev.fanout.service.PlanNotFound;
import dev.fanout.whatif.NoWhatIfYet;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every error leaves as {@code application/problem+json} with a detail a person can act on. The one place that turns
 * what the service layer says went wrong into an HTTP status: every status the API answers is in this file.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidPlan(PlanRejectedException e, HttpServerRequest request) {
        var problem = new Problem("/problems/invalid-plan", "Invalid plan", 400, e.getMessage(), request.path(),
                e.violations());
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response planNotFound(PlanNotFound e, HttpServerRequest request) {
        return problem(Response.Status.NOT_FOUND, "Plan not found", e, request);
    }

    @ServerExceptionMapper
    public Response noWhatIfYet(NoWhatIfYet e, HttpServerRequest request) {
        return problem(Response.Status.NOT_FOUND, "No what-if yet",
                e.getMessage() + ": POST /api/plans/" + e.planId() + "/what-if", request);
    }

    @ServerExceptionMapper
    public Response alreadySolving(AlreadySolving e, HttpServerRequest request) {
        return problem(Response.Status.CONFLICT, "Already solving", e.getMessage() + ": poll GET /api/plans/" + e.planId()
                + "/schedule, or stop it with DELETE /api/plans/" + e.planId() + "/solve", request);
    }

    /** 409 with the current version in the body and the ETag: the client re-reads it and sends its update again. */
    @ServerExceptionMapper
    public Response versionConflict(dev.fanout.service.VersionConflict e, HttpServerRequest request) {
        var problem = new Problem("/problems/version-conflict", "Version conflict", 409, e.getMessage()
                + ": GET /api/plans/" + e.planId() + " for the current version, then send the update again", request.path(),
                null, e.current());
        var response = respond(problem);
        response.getHeaders().putSingle("ETag", "\"" + e.current() + "\"");
        return response;
    }

    @ServerExceptionMapper
    public Response noSuchVersion(dev.fanout.service.NoSuchVersion e, HttpServerRequest request) {
        return problem(Response.Status.NOT_FOUND, "No such version", e, request);
    }

    @ServerExceptionMapper
    public Response notSolving(NotSolving e, HttpServerRequest request) {
        return problem(Response.Status.CONFLICT, "Not solving", e, request);
    }

    @ServerExceptionMapper
    public Response notSolvedYet(NotSolvedYet e, HttpServerRequest request) {
        return problem(Response.Status.CONFLICT, "Not solved yet",
                e.getMessage() + ": POST /api/plans/" + e.planId() + "/solve first", request);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameter e, HttpServerRequest request) {
        return problem(Response.Status.BAD_REQUEST, "Invalid parameter", e, request);
    }

    @ServerExceptionMapper
    public Response unknownFormat(UnknownFormat e, HttpServerRequest request) {
        return problem(Response.Status.BAD_REQUEST, "Invalid parameter", e, request);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptable e, HttpServerRequest request) {
        return problem(Response.Status.NOT_ACCEPTABLE, "Not Acceptable", e, request);
    }

    @ServerExceptionMapper
    public Response unsupportedPlanFormat(UnsupportedPlanFormat e, HttpServerRequest request) {
        return problem(Response.Status.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", e, request);
    }

    @ServerExceptionMapper
    public Response requestTooLarge(RequestSizeLimit.TooLarge e, HttpServerRequest request) {
        return problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Request too large", e, request);
    }

    /** The solve queue is full: 429 with when to come back. */
    @ServerExceptionMapper
    public Response overloaded(Overloaded e, HttpServerRequest request) {
        var response = problem(Response.Status.TOO_MANY_REQUESTS, "Too many solves", e, request);
        response.getHeaders().putSingle("Retry-After", String.valueOf(e.retryAfterSeconds()));
        return response;
    }

    private static Response problem(Response.Status status, String title, RuntimeException e, HttpServerRequest request) {
        return problem(status, title, e.getMessage(), request);
    }

    /** With a detail that adds to the exception's words what to do next, in the API's own routes. */
    private static Response problem(Response.Status status, String title, String detail, HttpServerRequest request) {
        return respond(new Problem("/problems/" + slug(title), title, status.getStatusCode(), detail, request.path(), null));
    }

    /** Bodies bound by the framework (not plans, which are read by {@link PlanReader}). */
    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, HttpServerRequest request) {
        var violation = PlanReader.describe(e, "JSON");
        return respond(new Problem("/problems/invalid-request", "Invalid request body", 400, violation.describe(),
                request.path(), java.util.List.of(violation)));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json, request);
        }
        if (e.getCause() instanceof IOException io && status == 400) {
            return respond(new Problem("/problems/invalid-request", "Invalid request body", 400,
                    "unreadable request body: " + io.getMessage(), request.path(), null));
        }
        var reason = Response.Status.fromStatusCode(status);
        var title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
        var detail = switch (status) {
            case 404 -> "nothing at " + request.method() + " " + request.path();
            case 405 -> request.method() + " is not allowed on " + request.path();
            case 406 -> "cannot produce the type asked for in Accept: " + request.getHeader("Accept");
            case 415 -> "cannot read Content-Type " + request.getHeader("Content-Type") + " here";
            default -> e.getMessage();
        };
        return respond(new Problem("/problems/" + slug(title), title, status, detail, request.path(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        LOG.errorf(e, "unexpected failure on %s %s", request.method(), request.path());
        return respond(new Problem("/problems/internal-error", "Internal error", 500,
                "the service failed unexpectedly; the failure is logged", request.path(), null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
