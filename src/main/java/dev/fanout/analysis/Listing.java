package dev.fanout.analysis;

import java.util.List;

/** Lists of names as sentences and table cells print them. */
public final class Listing {

    private Listing() {
    }

    /** "A, B, C", or past {@code shown} items the first {@code shown} and "and 4 more". */
    public static String upTo(List<String> items, int shown) {
        if (items.size() <= shown) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, shown)) + " and " + (items.size() - shown) + " more";
    }
}
