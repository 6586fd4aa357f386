package dev.fanout.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.fanout.formats.Representation;
import dev.fanout.whatif.WhatIfRendering;
import dev.fanout.whatif.WhatIfResult;
import dev.fanout.whatif.WhatIfService;
import io.smallrye.common.annotation.Blocking;

/** What-if comparisons of a stored plan: agent counts, pool sizes, named scenarios. */
@Path("/api/plans/{id}/what-if")
@Tag(name = "What-if")
@SecurityRequirement(name = PlanResource.API_KEY)
public class WhatIfResource {

    private final WhatIfService whatIf;
    private final RequestSizeLimit sizeLimit;

    public WhatIfResource(WhatIfService whatIf, RequestSizeLimit sizeLimit) {
        this.whatIf = whatIf;
        this.sizeLimit = sizeLimit;
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    // No @Produces: the route chooses its format itself, ?format= before Accept (see FormatsDocumentation).
    @Operation(summary = "Compare scenarios",
            description = "Body: {\"agentCounts\": [1,2,4,8]}, {\"pools\": {\"core\": [1,2,3]}} or {\"scenarios\": [{\"name\": …, "
                    + "\"pools\": {…}, \"removeAgents\": […], \"addAgents\": […]}]}, optionally with \"secondsPerScenario\". "
                    + "One row per scenario and the knee of each count sweep. Stored with the plan.")
    @APIResponse(responseCode = "200", description = "One row per scenario, and the knees")
    @APIResponse(responseCode = "400", description = "The request does not fit the plan: problem+json naming the field and value")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    @APIResponse(responseCode = "406", description = "Accept names none of JSON, Markdown and CSV")
    @APIResponse(responseCode = "429", description = "The solve queue is full; Retry-After says when to come back")
    public Response compare(@PathParam("id") String id, byte[] body, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @QueryParam("format") String format) {
        sizeLimit.check(body, "/api/plans/" + id + "/what-if");
        // The format is checked before the sweep runs: a refused request has no effect, not even a stored sweep.
        var representation = Representation.choose(format, accept);
        return render(whatIf.run(id, body), representation);
    }

    @GET
    // No @Produces: the route chooses its format itself, ?format= before Accept (see FormatsDocumentation).
    @Operation(summary = "The plan's last what-if comparison")
    @APIResponse(responseCode = "200", description = "The last comparison")
    @APIResponse(responseCode = "404", description = "No plan has this id, or it has no comparison yet")
    @APIResponse(responseCode = "406", description = "Accept names none of JSON, Markdown and CSV")
    public Response last(@PathParam("id") String id, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @QueryParam("format") String format) {
        var representation = Representation.choose(format, accept);
        return render(whatIf.last(id), representation);
    }

    private static Response render(WhatIfResult result, Representation representation) {
        Object body = switch (representation) {
            case JSON -> result;
            case MARKDOWN -> WhatIfRendering.markdown(result);
            case CSV -> WhatIfRendering.csv(result);
        };
        return Response.ok(body, representation.contentType()).build();
    }
}
