package dev.fanout.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import dev.fanout.formats.PlanFormats;

/**
 * The OpenAPI document lists, for each route that reads a plan, every format it reads (CONTRACT §8): the request
 * body's media types, taken from {@link PlanFormats} itself, so the document never lags behind the readers.
 */
public class PlanFormatsDocumentation implements OASFilter {

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
    }
}
