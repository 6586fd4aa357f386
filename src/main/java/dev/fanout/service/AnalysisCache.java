package dev.fanout.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.fanout.analysis.PlanAnalysis;

/**
 * Stored plans never change, so their analysis (bounds, baselines, starting schedule) is computed once and kept
 * for the most recently used plans.
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

    public PlanAnalysis get(String planId, Supplier<PlanAnalysis> compute) {
        synchronized (analyses) {
            var cached = analyses.get(planId);
            if (cached != null) {
                return cached;
            }
        }
        var computed = compute.get();
        synchronized (analyses) {
            analyses.putIfAbsent(planId, computed);
            return analyses.get(planId);
        }
    }

    public void forget(String planId) {
        synchronized (analyses) {
            analyses.remove(planId);
        }
    }
}
