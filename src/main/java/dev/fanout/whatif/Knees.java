package dev.fanout.whatif;

import java.util.List;
import java.util.Optional;

/** Where a count sweep stops paying off. Pure. */
public final class Knees {

    /** Within this share of the best makespan, more agents are not worth it. */
    public static final double TOLERANCE = 0.05;

    private Knees() {
    }

    /**
     * The row with the smallest count whose makespan is within 5 % of the series' best; empty when fewer than two
     * rows of the series are feasible.
     */
    public static Optional<WhatIfResult.Row> knee(List<WhatIfResult.Row> series) {
        var feasible = series.stream().filter(WhatIfResult.Row::feasible).toList();
        if (feasible.size() < 2) {
            return Optional.empty();
        }
        double best = feasible.stream().mapToDouble(WhatIfResult.Row::makespan).min().orElseThrow();
        return feasible.stream()
                .filter(row -> row.makespan() <= best * (1 + TOLERANCE) + 1e-9)
                .min(java.util.Comparator.comparingInt(WhatIfResult.Row::count));
    }
}
