package dev.fanout.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies for records whose lists and maps keep their order and may hold nulls (a document as submitted, before
 * validation names what is missing), where {@link List#copyOf} and {@link Map#copyOf} would refuse the nulls or lose
 * the order. A null list or map stays null.
 */
public final class Unmodifiable {

    private Unmodifiable() {
    }

    public static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** In the order given. */
    public static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
