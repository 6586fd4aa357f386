package dev.fanout.analysis;

import java.util.ArrayList;
import java.util.List;

/** Dependency tiers: a task with no dependencies is in tier 0, any other one tier deeper than its deepest dependency. */
public record Tiers(int[] tierOf, List<List<Integer>> levels) {

    public Tiers {
        tierOf = tierOf.clone();
        levels = levels.stream().map(List::copyOf).toList();
    }

    /** A copy: {@link #tierOf(int)} reads one task's without copying. */
    @Override
    public int[] tierOf() {
        return tierOf.clone();
    }

    public int tierOf(int task) {
        return tierOf[task];
    }

    public static Tiers of(Instance instance) {
        var tierOf = new int[instance.taskCount()];
        int deepest = 0;
        for (int task : instance.topologicalOrder()) {
            for (int p : instance.predecessors(task)) {
                tierOf[task] = Math.max(tierOf[task], tierOf[p] + 1);
            }
            deepest = Math.max(deepest, tierOf[task]);
        }
        var levels = new ArrayList<List<Integer>>();
        for (int tier = 0; tier <= deepest; tier++) {
            levels.add(new ArrayList<>());
        }
        for (int task = 0; task < instance.taskCount(); task++) {
            levels.get(tierOf[task]).add(task);
        }
        return new Tiers(tierOf, levels);
    }
}
