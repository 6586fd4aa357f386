package dev.fanout.api;

import java.util.Locale;

import jakarta.ws.rs.core.MediaType;

import dev.fanout.service.InvalidParameter;

/** How a report or a what-if comparison is written out: picked from {@code ?format=} first, then {@code Accept}. */
enum Representation {
    JSON(MediaType.APPLICATION_JSON),
    MARKDOWN(Representation.MARKDOWN_TYPE),
    CSV(Representation.CSV_TYPE);

    static final String MARKDOWN_TYPE = "text/markdown";
    static final String CSV_TYPE = "text/csv";

    private final String mediaType;

    Representation(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type of a text answer, with its charset. */
    String withCharset() {
        return mediaType + ";charset=UTF-8";
    }

    /** JSON when neither the parameter nor the header asks for something else. */
    static Representation choose(String accept, String format) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "markdown", "md" -> MARKDOWN;
                case "csv" -> CSV;
                default -> throw new InvalidParameter("format", format, "must be json, markdown or csv");
            };
        }
        for (var type : AcceptHeader.mediaTypes(accept)) {
            for (var representation : values()) {
                if (representation.mediaType.equals(type)) {
                    return representation;
                }
            }
        }
        return JSON;
    }
}
