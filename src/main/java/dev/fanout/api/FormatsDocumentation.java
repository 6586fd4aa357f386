package dev.fanout.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

import dev.fanout.formats.OutputFormats;
import dev.fanout.formats.PlanFormats;
import dev.fanout.formats.Representation;
import dev.fanout.formats.ScheduleFormats;

/**
 * The OpenAPI document lists, for each route that reads a plan, every format it reads (CONTRACT §8): the request
 * body's media types, taken from {@link PlanFormats} itself; and for each route that writes more than JSON, every
 * format it writes, taken from its {@link OutputFormats}. So the document never lags behind the readers and writers.
 * (Those routes declare no {@code @Produces}: the framework would refuse an {@code Accept} header before the route's own
 * choice, in which {@code ?format=} wins over the header.)
 */
public class FormatsDocumentation implements OASFilter {

    private static final String[] PLAN_ROUTES = { "/api/plans", "/api/solve" };

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (var route : PLAN_ROUTES) {
            var item = openAPI.getPaths().getPathItem(route);
            if (item == null || item.getPOST() == null) {
                continue;
            }
            var content = OASFactory.createContent();
            for (var format : PlanFormats.ALL) {
                for (var type : format.mediaTypes()) {
                    if (!type.contains("*")) {
                        content.addMediaType(type, OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().description("a plan as " + format.name()
                                        + " (or any body with ?format=" + format.name() + ")")));
                    }
                }
            }
            item.getPOST().setRequestBody(OASFactory.createRequestBody().required(true).content(content)
                    .description("A plan in one of the formats Fanout reads: " + String.join(", ", PlanFormats.names())
                            + "; ?format= names it, else the Content-Type does."));
        }
        var schedule = openAPI.getPaths().getPathItem("/api/plans/{id}/schedule");
        var report = openAPI.getPaths().getPathItem("/api/plans/{id}/report");
        var whatIf = openAPI.getPaths().getPathItem("/api/plans/{id}/what-if");
        document(schedule == null ? null : schedule.getGET(), ScheduleFormats.CHOICES);
        document(report == null ? null : report.getGET(), Representation.CHOICES);
        document(whatIf == null ? null : whatIf.getGET(), Representation.CHOICES);
        document(whatIf == null ? null : whatIf.getPOST(), Representation.CHOICES);
    }

    /** The 200 answer's media types: one per format written, saying the name {@code ?format=} takes for it. */
    private static void document(Operation operation, OutputFormats<?> formats) {
        if (operation == null || operation.getResponses() == null || operation.getResponses().getAPIResponse("200") == null) {
            return;
        }
        var content = OASFactory.createContent();
        for (var format : formats.formats()) {
            content.addMediaType(format.mediaType(), OASFactory.createMediaType().schema(OASFactory.createSchema()
                    .description(format.label() + ": ?format=" + format.formatName() + " or Accept: " + format.mediaType())));
        }
        operation.getResponses().getAPIResponse("200").setContent(content);
    }
}
