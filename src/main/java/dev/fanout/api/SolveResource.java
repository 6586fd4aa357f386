package dev.fanout.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.fanout.formats.SpecKitReader;
import dev.fanout.service.PlanIntake;
import dev.fanout.service.SolveOnce;
import dev.fanout.service.TimeLimits;
import io.smallrye.common.annotation.Blocking;

/** One-shot solving: a plan in, its schedule and report out. Stores nothing. */
@Path("/api/solve")
@Tag(name = "Solve")
@SecurityRequirement(name = PlanResource.API_KEY)
public class SolveResource {

    /** The plan formats a body may be in (PlanResource says the same). */
    static final String FORMAT = "json, yaml, imopse (an iMOPSE .def file) or spec-kit (a spec-kit tasks.md); "
            + "overrides Content-Type";

    /** How many agents a plan from a file that names none (spec-kit) gets. */
    static final String AGENTS = "agents to plan a spec-kit tasks.md with (default " + SpecKitReader.DEFAULT_AGENTS
            + "); refused for formats whose files name their own agents";

    private final PlanIntake intake;
    private final TimeLimits timeLimits;
    private final SolveOnce solveOnce;
    private final RequestSizeLimit sizeLimit;

    public SolveResource(PlanIntake intake, TimeLimits timeLimits, SolveOnce solveOnce, RequestSizeLimit sizeLimit) {
        this.intake = intake;
        this.timeLimits = timeLimits;
        this.solveOnce = solveOnce;
        this.sizeLimit = sizeLimit;
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Solve a plan and return its schedule and report",
            description = "Waits at most `seconds` (default 5); answers at once when the schedule is proven optimal.")
    @APIResponse(responseCode = "200", description = "The schedule and the report")
    @APIResponse(responseCode = "400", description = "The plan or seconds is invalid: problem+json naming the field and value")
    @APIResponse(responseCode = "413", description = "The body is over the size limit")
    @APIResponse(responseCode = "415", description = "Not JSON, YAML, an iMOPSE .def file or a spec-kit tasks.md")
    @APIResponse(responseCode = "429", description = "The solve queue is full; Retry-After says when to come back")
    public SolveOnce.Solved solve(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "time limit in seconds (default 5)") @QueryParam("seconds") String seconds,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @Parameter(description = AGENTS) @QueryParam("agents") String agents) {
        sizeLimit.check(body, "/api/solve");
        var limit = timeLimits.parse(seconds);
        return solveOnce.solve(intake.parse(body, contentType, format, agents), limit);
    }
}
