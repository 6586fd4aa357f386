package dev.fanout.api;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.fanout.plan.Suggestion;
import dev.fanout.service.InvalidParameter;

/**
 * Never a silently ignored parameter: a query parameter the matched route does not declare is refused (400 naming it,
 * with the route's own parameters and a did-you-mean), rather than answering as if it had not been sent
 * ({@code GET /api/plans/{id}/schedule?format=ics} must not quietly answer JSON).
 */
public class KnownParameters {

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ResourceInfo resource, UriInfo uri) {
        var method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        var declared = DECLARED.computeIfAbsent(method, KnownParameters::queryParameters);
        for (var entry : uri.getQueryParameters().entrySet()) {
            var name = entry.getKey();
            if (!declared.contains(name)) {
                var value = entry.getValue().isEmpty() ? "" : entry.getValue().getFirst();
                throw new InvalidParameter(name, value, "is not a parameter of this route"
                        + (declared.isEmpty() ? ", which takes none" : "; it takes " + String.join(", ", declared))
                        + Suggestion.of(name, declared));
            }
        }
    }

    private static Set<String> queryParameters(Method method) {
        return Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
                .filter(QueryParam.class::isInstance).map(annotation -> ((QueryParam) annotation).value())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
