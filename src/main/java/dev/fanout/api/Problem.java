package dev.fanout.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.fanout.plan.Violation;

/**
 * An error response, RFC 9457 {@code application/problem+json}. {@code errors} lists every problem found in a
 * refused plan, each with the field (a JSON path), the value and what is wrong. {@code currentVersion}, on a version
 * conflict, is the plan's current version (re-read it and send the update again).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> errors,
        Integer currentVersion) {

    public Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
}
