package dev.fanout.security;

import java.util.LinkedHashMap;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The refusals of the HTTP permissions ({@code quarkus.http.auth.permission.*}), which answer before any resource
 * runs, as problem+json like every other refusal of the API: 401 (written by {@link ApiKeyMechanism}) and 403.
 */
@ApplicationScoped
public class SecurityProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A read key asking for a change, or any key on a route its role does not open. */
    void forbidden(@Observes Router router) {
        // First among the failure handlers, so that the refusal leaves as problem+json before another one answers it.
        router.route().order(-1).failureHandler(context -> {
            if (context.failure() instanceof ForbiddenException && !context.response().ended()) {
                write(context, 403, "Forbidden", "this key's role is read: " + context.request().method() + " "
                        + context.request().path() + " needs a key whose role is write, as every POST, PUT, PATCH and "
                        + "DELETE does");
            } else {
                context.next();
            }
        });
    }

    static void write(RoutingContext context, int status, String title, String detail) {
        // api.Problem's shape, written here: this package sits below the api, which it must not import.
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "/problems/" + title.toLowerCase(Locale.ROOT));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", context.request().path());
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record is always JSON", e);
        }
        var response = context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"fanout\"");
        }
        response.end(body);
    }
}
