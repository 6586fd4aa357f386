package dev.fanout.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.fanout.persistence.PlanStore;
import dev.fanout.plan.PlanReader;
import dev.fanout.plan.ProgressUpdate;
import dev.fanout.report.ScheduleView;
import dev.fanout.report.VersionComparison;
import dev.fanout.service.CurrentSchedules;
import dev.fanout.service.InvalidParameter;
import dev.fanout.service.NotSolvedYet;
import dev.fanout.service.PlanCatalog;
import dev.fanout.service.PlanVersions;
import dev.fanout.service.VersionHistory;

/** A plan as it moves (CONTRACT §6): progress updates, and every version it has had. */
@Path("/api/plans/{id}")
@Tag(name = "Progress")
@SecurityRequirement(name = PlanResource.API_KEY)
public class VersionResource {

    private final PlanVersions versions;
    private final VersionHistory history;
    private final PlanCatalog catalog;
    private final CurrentSchedules current;
    private final RequestSizeLimit sizeLimit;

    public VersionResource(PlanVersions versions, VersionHistory history, PlanCatalog catalog, CurrentSchedules current,
            RequestSizeLimit sizeLimit) {
        this.versions = versions;
        this.history = history;
        this.catalog = catalog;
        this.current = current;
        this.sizeLimit = sizeLimit;
    }

    @PATCH
    @Path("progress")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update progress: a new version, re-planned in the background",
            description = "The body: {\"now\": 6, \"tasks\": {\"P8\": {\"status\": \"done\"}, \"P14\": {\"status\": \"started\", "
                    + "\"progress\": 0.6, \"agent\": \"dev-2\"}}, \"add\": [tasks], \"remove\": [ids], \"claims\": [...]}. "
                    + "Name the version it was made from (If-Match: \"3\", or \"version\": 3) to be refused with 409 "
                    + "instead of applied to a newer one. Invalid updates change nothing.")
    @APIResponse(responseCode = "202", description = "Stored as a new version; re-planning. The body is the version")
    @APIResponse(responseCode = "400", description = "The update is invalid: problem+json naming each field and value")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    @APIResponse(responseCode = "409", description = "The version named is no longer the current one (currentVersion says which is)")
    public Response progress(@PathParam("id") String id, byte[] body,
            @Parameter(description = "the version the update was made from, as its ETag: \"3\"") @HeaderParam("If-Match") String ifMatch) {
        sizeLimit.check(body, "/api/plans/" + id + "/progress");
        var updated = versions.update(id, body, version(ifMatch));
        var summary = summaries(id).stream().filter(version -> version.version() == updated.version()).findFirst().orElseThrow();
        return Response.accepted(summary).location(URI.create("/api/plans/" + id + "/versions/" + updated.version()))
                .tag(String.valueOf(updated.version())).build();
    }

    @GET
    @Path("versions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every version of the plan, first to current")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    public List<VersionSummary> list(@PathParam("id") String id) {
        return summaries(id);
    }

    @GET
    @Path("versions/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One version as it was: its plan, the update that made it, its schedule and its report")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "400", description = "The number is not a version number")
    @APIResponse(responseCode = "404", description = "No plan has this id, or it never had this version")
    public VersionDetail version(@PathParam("id") String id, @PathParam("number") String number) {
        int n = number(number);
        var stored = versions.version(id, n);
        var plan = catalog.get(id);
        var change = stored.change() == null ? null
                : PlanReader.readJson(stored.change().getBytes(StandardCharsets.UTF_8), ProgressUpdate.class, "a stored update");
        var document = PlanReader.readJson(stored.document().getBytes(StandardCharsets.UTF_8));
        if (n == plan.version()) {
            dev.fanout.report.Report report;
            try {
                report = current.report(id).report();
            } catch (NotSolvedYet notYet) {
                report = null;
            }
            return new VersionDetail(n, true, stored.createdAt(), change, document, current.view(id), report);
        }
        var frozen = history.frozen(stored);
        if (frozen.schedule() == null) {
            return new VersionDetail(n, false, stored.createdAt(), change, document,
                    ScheduleView.withoutSchedule(dev.fanout.report.SolveStatus.NOT_SOLVED,
                            frozen.analysis().instance().plan().timeUnit().label(), "this version was never solved"),
                    null);
        }
        return new VersionDetail(n, false, stored.createdAt(), change, document, history.view(frozen),
                history.report(id, frozen));
    }

    private List<VersionSummary> summaries(String id) {
        var plan = catalog.get(id);
        var all = versions.versions(id);
        return all.stream().map(version -> summary(plan, version)).toList();
    }

    private VersionSummary summary(PlanStore.StoredPlan plan, PlanStore.StoredVersion version) {
        var document = PlanReader.readJson(version.document().getBytes(StandardCharsets.UTF_8));
        double now = document.now() == null ? 0 : document.now().doubleValue();
        var changed = version.change() == null ? List.<String>of() : VersionComparison.touched(
                PlanReader.readJson(version.change().getBytes(StandardCharsets.UTF_8), ProgressUpdate.class, "a stored update"));
        if (version.number() != plan.version()) {
            return new VersionSummary(version.number(), now, version.createdAt(), false, version.status(),
                    version.makespan(), version.lowerBound(), version.optimal(), changed);
        }
        var solve = plan.solve();
        var status = current.status(plan);
        return new VersionSummary(version.number(), now, version.createdAt(), true, status,
                solve.map(PlanStore.StoredSolve::makespan).orElse(null), solve.map(PlanStore.StoredSolve::lowerBound).orElse(null),
                solve.map(PlanStore.StoredSolve::optimal).orElse(null), changed);
    }

    /** The If-Match header's version: "3", W/"3" or 3; null without the header. */
    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        var text = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameter("If-Match", ifMatch, "must be the version the update was made from, as in \"3\"");
        }
    }

    private static int number(String number) {
        try {
            int n = Integer.parseInt(number);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidParameter("number", number, "must be a version number: 1, 2, …");
    }
}
