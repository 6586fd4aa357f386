package dev.fanout.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.fanout.formats.Representation;
import dev.fanout.formats.ScheduleFormats;
import dev.fanout.formats.ScheduleWriter;
import dev.fanout.persistence.PlanStore;
import dev.fanout.report.CsvReport;
import dev.fanout.report.MarkdownReport;
import dev.fanout.report.ScheduleView;
import dev.fanout.service.BackgroundSolves;
import dev.fanout.service.CurrentSchedules;
import dev.fanout.service.InvalidParameter;
import dev.fanout.service.NotSolvedYet;
import dev.fanout.service.PlanCatalog;
import dev.fanout.service.PlanIntake;
import dev.fanout.service.TimeLimits;

/** Stored plans, their background solves, schedules and reports (CONTRACT §4). */
@Path("/api/plans")
@Tag(name = "Plans")
// The key the routes take when keys are configured (README, "Security"): Swagger UI's Authorize box sends it.
@SecurityScheme(securitySchemeName = PlanResource.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key (FANOUT_API_KEYS), as Authorization: Bearer <key>; needed only when the service has keys. "
                + "Without one: 401; another owner's plan: 404; a read key's POST, PUT, PATCH or DELETE: 403.")
@SecurityRequirement(name = PlanResource.API_KEY)
public class PlanResource {

    /** The name of the API key's security scheme in the OpenAPI document. */
    static final String API_KEY = "apiKey";

    private final PlanIntake intake;
    private final PlanCatalog catalog;
    private final BackgroundSolves solves;
    private final CurrentSchedules current;
    private final TimeLimits timeLimits;
    private final RequestSizeLimit sizeLimit;

    public PlanResource(PlanIntake intake, PlanCatalog catalog, BackgroundSolves solves, CurrentSchedules current,
            TimeLimits timeLimits, RequestSizeLimit sizeLimit) {
        this.intake = intake;
        this.catalog = catalog;
        this.solves = solves;
        this.current = current;
        this.timeLimits = timeLimits;
        this.sizeLimit = sizeLimit;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a plan",
            description = "The body is a plan (CONTRACT §1) as JSON or YAML, an iMOPSE .def file (text/plain or ?format=imopse) "
                    + "or a spec-kit tasks.md (text/markdown or ?format=spec-kit). 201 with its id.")
    @APIResponse(responseCode = "201", description = "Stored; the body has its id")
    @APIResponse(responseCode = "400", description = "The plan is invalid: problem+json naming each field and value")
    @APIResponse(responseCode = "413", description = "The body is over the size limit")
    @APIResponse(responseCode = "415", description = "Not JSON, YAML, an iMOPSE .def file or a spec-kit tasks.md")
    public Response create(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = SolveResource.FORMAT) @QueryParam("format") String format,
            @Parameter(description = SolveResource.AGENTS) @QueryParam("agents") String agents) {
        sizeLimit.check(body, "/api/plans");
        var parsed = intake.parse(body, contentType, format, agents);
        var id = catalog.create(parsed);
        return Response.created(URI.create("/api/plans/" + id))
                .entity(new CreatedPlan(id, parsed.plan().name(), parsed.plan().tasks().size(), parsed.plan().agents().size()))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List stored plans, newest first")
    @APIResponse(responseCode = "200", description = "The plans, newest first")
    public List<PlanSummary> list() {
        return catalog.list().stream().map(this::summary).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a stored plan")
    @APIResponse(responseCode = "200", description = "The plan and its status")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    public PlanDetail get(@PathParam("id") String id) {
        var stored = catalog.get(id);
        return new PlanDetail(stored.id(), stored.name(), stored.createdAt(),
                current.status(stored), catalog.document(stored), stored.version());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a plan, its schedule and its report (stops its solve)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    public Response delete(@PathParam("id") String id) {
        solves.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/solve")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start solving in the background",
            description = "202; poll GET /api/plans/{id}/schedule. Stops after `seconds`, or at once when proven optimal.")
    @APIResponse(responseCode = "202", description = "Solving; the body is the best schedule so far")
    @APIResponse(responseCode = "400", description = "seconds is not a number in range")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    @APIResponse(responseCode = "409", description = "Already solving")
    @APIResponse(responseCode = "429", description = "The solve queue is full; Retry-After says when to come back")
    public Response solve(@PathParam("id") String id,
            @Parameter(description = "time limit in seconds (default 5)") @QueryParam("seconds") String seconds) {
        solves.start(id, timeLimits.parse(seconds));
        return Response.accepted(current.view(id)).location(URI.create("/api/plans/" + id + "/schedule")).build();
    }

    @DELETE
    @Path("{id}/solve")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stop a running solve, keeping the best schedule so far")
    @APIResponse(responseCode = "200", description = "Stopping; the body is the best schedule so far")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    @APIResponse(responseCode = "409", description = "Not solving")
    public ScheduleView stop(@PathParam("id") String id) {
        solves.stop(id);
        return current.view(id);
    }

    @GET
    @Path("{id}/schedule")
    // No @Produces: the route chooses its format itself, ?format= before Accept (see FormatsDocumentation).
    @Operation(summary = "The latest schedule (the best so far while solving)",
            description = "JSON by default; Microsoft Project XML with ?format=mspdi (Accept: application/vnd.ms-project+xml), "
                    + "iCalendar with ?format=ics (Accept: text/calendar), on working days from the plan's start date (today when it states none).")
    @APIResponse(responseCode = "200", description = "The schedule (status NOT_SOLVED without assignments before the first solve)")
    @APIResponse(responseCode = "400", description = "Unknown format")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    @APIResponse(responseCode = "406", description = "Accept names none of JSON, MSPDI and iCalendar")
    @APIResponse(responseCode = "409", description = "MSPDI or iCalendar asked for before the plan has a schedule")
    public Response schedule(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Parameter(description = "json (default), mspdi or ics") @QueryParam("format") String format) {
        var chosen = ScheduleFormats.choose(format, accept);
        var view = current.view(id);
        if (!(chosen instanceof ScheduleWriter writer)) {
            return Response.ok(view, MediaType.APPLICATION_JSON).build();
        }
        if (view.assignments().isEmpty()) {
            throw new NotSolvedYet(id);
        }
        var plan = catalog.analysis(id).instance().plan();
        var start = plan.start() == null ? LocalDate.now() : plan.start();
        return Response.ok(writer.write(plan, view, start, id, Instant.now()), writer.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + writer.fileName(id) + "\"").build();
    }

    @GET
    @Path("{id}/report")
    // No @Produces: the route chooses its format itself, ?format= before Accept (see FormatsDocumentation).
    @Operation(summary = "The comparison report",
            description = "JSON by default; Markdown with Accept: text/markdown (or ?format=markdown), CSV with Accept: text/csv (or ?format=csv); ?table= picks the CSV table.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "Unknown format or table")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    @APIResponse(responseCode = "406", description = "Accept names none of JSON, Markdown and CSV")
    @APIResponse(responseCode = "409", description = "Not solved yet")
    public Response report(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @QueryParam("format") String format,
            @Parameter(description = "CSV only: timeline (default), assignments or agents") @QueryParam("table") String table) {
        var representation = Representation.choose(format, accept);
        var data = current.report(id);
        Object body = switch (representation) {
            case JSON -> data.report();
            case MARKDOWN -> MarkdownReport.render(data.report(), data.analysis(), data.schedule());
            case CSV -> csvTable(data.report(), table);
        };
        return Response.ok(body, representation.contentType()).build();
    }

    static String csvTable(dev.fanout.report.Report report, String table) {
        return switch (table == null ? "timeline" : table) {
            case "timeline" -> CsvReport.timelineSummary(report);
            case "assignments" -> CsvReport.assignments(report);
            case "agents" -> CsvReport.agents(report);
            default -> throw new InvalidParameter("table", table, "must be timeline, assignments or agents");
        };
    }

    private PlanSummary summary(PlanStore.Summary plan) {
        return new PlanSummary(plan.id(), plan.name(), plan.taskCount(), plan.agentCount(),
                current.status(plan.id(), plan.status()), plan.makespan(), plan.lowerBound(), plan.optimal(),
                plan.createdAt());
    }
}
