package dev.fanout.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fanout.analysis.PlanAnalysis;

/**
 * A stored plan's version never changes, so its analysis (bounds, baselines, starting schedule) is computed once and
 * kept for the most recently used plans, under the plan's id and a key of the version it was made from.
 */
@ApplicationScoped
public class AnalysisCache {

    private static final int CAPACITY = 64;

    private final Map<String, PlanAnalysis> analyses = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PlanAnalysis> eldest) {
            return size() > CAPACITY;
        }
    };

    public PlanAnalysis get(String planId, String version, Supplier<PlanAnalysis> compute) {
        var key = planId + "\n" + version;
        synchronized (analyses) {
            var cached = analyses.get(key);
            if (cached != null) {
                return cached;
            }
        }
        var computed = compute.get();
        synchronized (analyses) {
            analyses.putIfAbsent(key, computed);
            return analyses.get(key);
        }
    }

    /** Forgets every version of the plan (it was deleted, or has a new version). */
    public void forget(String planId) {
        synchronized (analyses) {
            analyses.keySet().removeIf(key -> key.startsWith(planId + "\n"));
        }
    }
}
