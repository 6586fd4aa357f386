package dev.fanout.formats;

import java.util.List;
import java.util.stream.Collectors;

/** A plan sent in a content type Fanout does not read, without a {@code format} saying what it is. */
public final class UnsupportedPlanFormat extends RuntimeException {

    public UnsupportedPlanFormat(String contentType, List<PlanFormat> formats) {
        super("Content-Type " + contentType + " is not a plan format: send "
                + formats.stream().map(f -> f.name() + " as " + String.join(" or ", f.mediaTypes().stream()
                        .filter(type -> !type.contains("*")).toList())).collect(Collectors.joining(", "))
                + " (or name the format with ?format=" + String.join("|", formats.stream().map(PlanFormat::name).toList())
                + ")");
    }
}
