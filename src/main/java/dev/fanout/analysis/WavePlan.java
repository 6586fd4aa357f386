package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The plan author's own waves, run as written with the plan's real agents: every task of wave k starts after every
 * task of wave k-1 has ended. Where the waves and the dependencies disagree, the dependencies win and a
 * {@link Finding} says what happened:
 * <ul>
 * <li>two tasks of one wave where one depends on the other run one after the other inside that wave;</li>
 * <li>a task whose dependency sits in a later wave runs in that later wave;</li>
 * <li>a task in no wave runs in the earliest wave its dependencies allow (milestones silently so);</li>
 * <li>two tasks of one wave whose areas overlap run one after the other inside that wave: the wave is not parallel
 * for them.</li>
 * </ul>
 */
public record WavePlan(PhasedSchedule waves, List<Finding> findings) {

    public WavePlan {
        findings = List.copyOf(findings);
    }

    public enum FindingKind {
        @JsonProperty("dependencyInsideWave") DEPENDENCY_INSIDE_WAVE,
        @JsonProperty("dependencyInLaterWave") DEPENDENCY_IN_LATER_WAVE,
        @JsonProperty("notInAnyWave") NOT_IN_ANY_WAVE,
        @JsonProperty("sharedAreaInsideWave") SHARED_AREA_INSIDE_WAVE
    }

    /** One disagreement between the waves as written and the dependencies. {@code wave} counts from 1. */
    public record Finding(FindingKind kind, int wave, List<String> tasks, String message) {
        public Finding {
            tasks = List.copyOf(tasks);
        }
    }

    /** Per wave, the areas two or more of its tasks change: those tasks take turns. */
    private static void sharedAreas(Instance instance, List<List<Integer>> groups, List<Finding> findings) {
        var limits = instance.limits();
        for (int w = 0; w < groups.size(); w++) {
            var shared = new ArrayList<String>();
            var tasks = new java.util.LinkedHashSet<String>();
            for (int limit = 0; limit < limits.limits().size(); limit++) {
                if (limits.limit(limit).kind() != SharedLimits.Kind.AREA) {
                    continue;
                }
                var holders = new ArrayList<String>();
                for (int task : groups.get(w)) {
                    if (limits.units(task, limit) > 0) {
                        holders.add(instance.taskId(task));
                    }
                }
                if (holders.size() > 1) {
                    shared.add(limits.limit(limit).name() + " (" + String.join(", ", holders) + ")");
                    tasks.addAll(holders);
                }
            }
            if (!shared.isEmpty()) {
                findings.add(new Finding(FindingKind.SHARED_AREA_INSIDE_WAVE, w + 1, List.copyOf(tasks),
                        "Wave %d is not parallel for tasks that change the same area: %s take turns."
                                .formatted(w + 1, Listing.upTo(shared, 6))));
            }
        }
    }

    /** The waves as they run: as written, but for the findings. */
    public int count() {
        return waves.phases().size();
    }

    public Schedule schedule() {
        return waves.schedule();
    }

    public static WavePlan of(Instance instance, List<List<String>> waves) {
        int n = instance.taskCount();
        var declared = new int[n];
        Arrays.fill(declared, -1);
        for (int w = 0; w < waves.size(); w++) {
            for (var id : waves.get(w)) {
                declared[instance.taskIndex(id)] = w;
            }
        }
        var findings = new ArrayList<Finding>();
        var effective = new int[n];
        var unlisted = new ArrayList<String>();
        for (int task : instance.topologicalOrder()) {
            int earliest = 0;
            int blocking = -1;
            for (int p : instance.predecessors(task)) {
                if (effective[p] > earliest || blocking < 0 && effective[p] == earliest) {
                    earliest = effective[p];
                    blocking = p;
                }
            }
            if (declared[task] < 0) {
                effective[task] = earliest;
                if (!instance.isMilestone(task)) {
                    // Milestones take no time: leaving them out of the waves is natural, not worth a remark.
                    unlisted.add(instance.taskId(task));
                }
            } else if (declared[task] < earliest) {
                effective[task] = earliest;
                findings.add(new Finding(FindingKind.DEPENDENCY_IN_LATER_WAVE, earliest + 1,
                        List.of(instance.taskId(task), instance.taskId(blocking)),
                        "%s is listed in wave %d but depends on %s, which runs in wave %d: it is counted in wave %d."
                                .formatted(instance.taskId(task), declared[task] + 1, instance.taskId(blocking),
                                        earliest + 1, earliest + 1)));
            } else {
                effective[task] = declared[task];
            }
        }
        if (!unlisted.isEmpty()) {
            findings.add(new Finding(FindingKind.NOT_IN_ANY_WAVE, 0, List.copyOf(unlisted),
                    "%s %s in no wave: counted in the earliest wave %s dependencies allow."
                            .formatted(Listing.upTo(unlisted, 6), unlisted.size() == 1 ? "is" : "are",
                                    unlisted.size() == 1 ? "its" : "their")));
        }
        int count = Math.max(waves.size(), Arrays.stream(effective).max().orElse(0) + 1);
        var groups = new ArrayList<List<Integer>>();
        for (int w = 0; w < count; w++) {
            groups.add(new ArrayList<>());
        }
        for (int task = 0; task < n; task++) {
            groups.get(effective[task]).add(task);
        }
        for (int w = 0; w < count; w++) {
            var chained = new ArrayList<String>();
            for (int task : groups.get(w)) {
                for (int p : instance.predecessors(task)) {
                    if (effective[p] == w && !instance.isMilestone(p) && !instance.isMilestone(task)) {
                        chained.add(instance.taskId(p) + " → " + instance.taskId(task));
                    }
                }
            }
            if (!chained.isEmpty()) {
                findings.add(new Finding(FindingKind.DEPENDENCY_INSIDE_WAVE, w + 1, List.copyOf(chained),
                        "Wave %d lists side by side tasks that depend on each other (%s): they run one after the other."
                                .formatted(w + 1, Listing.upTo(chained, 6))));
            }
        }
        sharedAreas(instance, groups, findings);
        findings.sort((a, b) -> Integer.compare(a.wave(), b.wave()));
        return new WavePlan(ListScheduler.withBarriers(instance, groups), findings);
    }
}
