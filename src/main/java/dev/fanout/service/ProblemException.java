package dev.fanout.service;

/**
 * A request that cannot be served, with the HTTP status and the words to say why. The API turns it into an
 * {@code application/problem+json} response.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private Long retryAfterSeconds;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException notFound(String planId) {
        return new ProblemException(404, "Plan not found", "no plan has id '" + planId + "'");
    }

    public static ProblemException badParameter(String name, String value, String rule) {
        return new ProblemException(400, "Invalid parameter", name + " = " + value + ": " + rule);
    }

    /** Adds a Retry-After to the response (429, 503). */
    public ProblemException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
