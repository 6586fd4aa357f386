package dev.fanout.plan;

import java.util.Set;

/** A near miss named back to the user: "did you mean 'B1'?". */
public final class Suggestion {

    private Suggestion() {
    }

    /** "did you mean 'B1'?" for a near miss: same text ignoring case, or one edit away. */
    public static String of(String wrong, Set<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (var candidate : candidates) {
            int distance = candidate.equalsIgnoreCase(wrong) ? 0 : editDistance(wrong, candidate, 2);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best != null && bestDistance <= 2 && wrong.length() > bestDistance ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance, stopping early once it exceeds {@code limit}. */
    static int editDistance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
