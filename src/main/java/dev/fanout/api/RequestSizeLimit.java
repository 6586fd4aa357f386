package dev.fanout.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.fanout.config.FanoutConfig;
import io.vertx.ext.web.Router;

/**
 * Refuses a request whose declared body is larger than {@code fanout.limits.max-request-bytes} before a byte of it
 * is read: 413 with a problem+json that says the limit. Bodies sent without a length are checked once read
 * ({@link #check}); beyond {@code quarkus.http.limits.max-body-size} the HTTP layer itself cuts them off.
 */
@ApplicationScoped
public class RequestSizeLimit {

    private final long maxBytes;
    private final ObjectMapper mapper;

    /** A body over the limit that came without a Content-Length, found once read. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String detail) {
            super(detail);
        }
    }

    public RequestSizeLimit(FanoutConfig config, ObjectMapper mapper) {
        this.maxBytes = config.limits().maxRequestBytes();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(-1_000).handler(context -> {
            var declared = context.request().getHeader("Content-Length");
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > maxBytes) {
                var problem = tooLarge(context.request().path(), length);
                String body;
                try {
                    body = mapper.writeValueAsString(problem);
                } catch (JsonProcessingException e) {
                    body = "{\"status\":413}";
                }
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(body);
            } else {
                context.next();
            }
        });
    }

    /** For bodies that came without a Content-Length. */
    public void check(byte[] body, String path) {
        if (body != null && body.length > maxBytes) {
            throw new TooLarge(tooLarge(path, body.length).detail());
        }
    }

    private Problem tooLarge(String path, long length) {
        return new Problem("/problems/request-too-large", "Request too large", 413,
                "the request body is %,d bytes; the limit is %,d bytes (fanout.limits.max-request-bytes)".formatted(length, maxBytes),
                path, null);
    }
}
