package dev.fanout.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The media types an {@code Accept} header names, in its order, without parameters ({@code ;q=…}). */
final class AcceptHeader {

    private AcceptHeader() {
    }

    static List<String> mediaTypes(String accept) {
        if (accept == null) {
            return List.of();
        }
        return Arrays.stream(accept.split(",")).map(part -> part.split(";")[0].strip().toLowerCase(Locale.ROOT)).toList();
    }
}
