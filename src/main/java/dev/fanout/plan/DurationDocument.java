package dev.fanout.plan;

import java.math.BigDecimal;
import java.util.LinkedHashMap;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A task's duration as written: a number ({@code value}), or a range {@code {"min": 7, "likely": 7.5, "max": 8}}
 * (CONTRACT §7; {@code likely} may be left out). Only the shape is checked when it is read; the values are
 * {@link TasksValidator}'s, which names the field.
 */
@JsonDeserialize(using = DurationDeserializer.class)
public record DurationDocument(BigDecimal value, BigDecimal min, BigDecimal likely, BigDecimal max) {

    /** A fixed duration; null for null. */
    public static DurationDocument of(BigDecimal value) {
        return value == null ? null : new DurationDocument(value, null, null, null);
    }

    public static DurationDocument range(BigDecimal min, BigDecimal likely, BigDecimal max) {
        return new DurationDocument(null, min, likely, max);
    }

    public boolean isRange() {
        return value == null;
    }

    /** Written back as it was read: a number, or an object with the bounds given. */
    @JsonValue
    Object json() {
        if (!isRange()) {
            return value;
        }
        var range = new LinkedHashMap<String, BigDecimal>();
        range.put("min", min);
        if (likely != null) {
            range.put("likely", likely);
        }
        range.put("max", max);
        return range;
    }
}
