package dev.fanout.formats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The media ranges an {@code Accept} header names, most wanted first: by their weight ({@code ;q=}, 1 when absent),
 * in the header's own order among equal weights. A range of weight 0 says "not this" and is left out; other parameters
 * are ignored.
 */
final class AcceptHeader {

    private AcceptHeader() {
    }

    /** One media range: {@code type/subtype}, where the subtype or both may be {@code *}. */
    record Range(String type, double quality) {

        boolean matches(String mediaType) {
            if (type.equals("*/*")) {
                return true;
            }
            if (type.endsWith("/*")) {
                return mediaType.startsWith(type.substring(0, type.length() - 1));
            }
            return type.equals(mediaType);
        }
    }

    static List<Range> ranges(String accept) {
        var ranges = new ArrayList<Range>();
        for (var part : accept.split(",")) {
            var pieces = part.split(";");
            var type = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue;
            }
            var quality = quality(pieces);
            if (quality > 0) {
                ranges.add(new Range(type, quality));
            }
        }
        // A stable sort: equal weights keep the header's order.
        ranges.sort(Comparator.comparingDouble(Range::quality).reversed());
        return ranges;
    }

    /** The range's {@code q}; a weight that is no number from 0 to 1 counts as 1, as if it were not there. */
    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            var parameter = pieces[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    var quality = Double.parseDouble(parameter.substring(2).strip());
                    return quality >= 0 && quality <= 1 ? quality : 1;
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }
}
