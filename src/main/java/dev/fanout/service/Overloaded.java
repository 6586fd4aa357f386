package dev.fanout.service;

/** The solve queue has no room for a request now; it may come back after {@link #retryAfterSeconds()}. */
public final class Overloaded extends RuntimeException {

    private final long retryAfterSeconds;

    public Overloaded(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
