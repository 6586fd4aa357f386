package dev.fanout.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The name a kind has in JSON, for text (Markdown, CSV, messages naming a request field) to use the very same words. */
public final class JsonNames {

    private JsonNames() {
    }

    /** The constant's {@code @JsonProperty} name, or its Java name when it has none. */
    public static String of(Enum<?> constant) {
        try {
            var name = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return name == null ? constant.name() : name.value();
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
