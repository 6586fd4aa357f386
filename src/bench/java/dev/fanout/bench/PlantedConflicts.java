package dev.fanout.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.fanout.plan.Plan;

/**
 * Areas and one-unit resources for the tasks of a planted schedule, given only where the schedule never runs two
 * conflicting tasks at once (see {@link ConstrainedPlanGenerator}). Slot 0, busy over the whole horizon, is an area
 * chain: each of its tasks holds {@code src/core/Engine.java} or the folder {@code src/core/}. The other tasks draw
 * files and folders of {@code src/core/} and of modules ({@code src/modK/}, {@code src/modK/api/}) and keep one only if
 * no task running at the same time in the planted schedule holds an overlapping area: a file of {@code src/core/} fits
 * beside slot 0's tasks on {@code Engine.java}, not beside one on the folder. A resource is kept only if no task running
 * at the same time uses it.
 */
final class PlantedConflicts {

    static final String[] RESOURCES = { "db-migration", "staging-env", "release-lock" };
    private static final String[] FILES = { "Engine.java", "Model.java", "Service.java", "Store.java", "Config.java",
            "Util.java" };

    private final List<List<String>> areas;
    private final String[] uses;

    private PlantedConflicts(List<List<String>> areas, String[] uses) {
        this.areas = areas;
        this.uses = uses;
    }

    /**
     * @param slotOf each task's slot; slot 0 becomes the area chain
     * @param start, time each task's planted start and time
     * @param cap the number of slots: the more run at once, the more modules to draw areas from
     */
    static PlantedConflicts of(int[] slotOf, long[] start, long[] time, int cap, Random random) {
        int n = slotOf.length;
        var overlapping = overlapping(start, time);
        var areas = new ArrayList<List<String>>();
        for (int t = 0; t < n; t++) {
            areas.add(new ArrayList<>());
            if (slotOf[t] == 0) {
                areas.get(t).add(random.nextDouble() < 0.25 ? "src/core/" : "src/core/Engine.java");
            }
        }
        var order = new ArrayList<Integer>();
        for (int t = 0; t < n; t++) {
            if (slotOf[t] != 0) {
                order.add(t);
            }
        }
        Collections.shuffle(order, random);
        int modules = Math.max(2, cap / 3);
        for (int t : order) {
            int wanted = random.nextDouble() < 0.25 ? 0 : random.nextDouble() < 0.25 ? 2 : 1;
            for (int k = 0; k < wanted; k++) {
                for (int attempt = 0; attempt < 4; attempt++) {
                    var candidate = area(random, modules);
                    if (fits(t, candidate, areas, overlapping)) {
                        areas.get(t).add(candidate);
                        break;
                    }
                }
            }
        }
        var uses = new String[n];
        for (int t = 0; t < n; t++) {
            if (random.nextDouble() < 0.2) {
                var resource = RESOURCES[random.nextInt(RESOURCES.length)];
                if (overlapping.get(t).stream().noneMatch(u -> resource.equals(uses[u]))) {
                    uses[t] = resource;
                }
            }
        }
        return new PlantedConflicts(areas, uses);
    }

    /** The task's areas; null when it has none. */
    List<String> areas(int task) {
        return areas.get(task).isEmpty() ? null : areas.get(task);
    }

    /** The resource the task uses, one unit; null when it uses none. */
    Map<String, Integer> uses(int task) {
        return uses[task] == null ? null : Map.of(uses[task], 1);
    }

    /** A file (mostly) or a folder of src/core/ or of a module. */
    private static String area(Random random, int modules) {
        var folder = random.nextDouble() < 0.3 ? "src/core/"
                : "src/mod" + random.nextInt(modules) + "/" + (random.nextDouble() < 0.3 ? "api/" : "");
        return random.nextDouble() < 0.15 ? folder : folder + FILES[random.nextInt(FILES.length)];
    }

    /** Whether the task may hold the area: it overlaps none of its own and none held by a task running beside it. */
    private static boolean fits(int task, String candidate, List<List<String>> areas, List<List<Integer>> overlapping) {
        if (areas.get(task).stream().anyMatch(own -> Plan.areasOverlap(own, candidate))) {
            return false;
        }
        for (int other : overlapping.get(task)) {
            for (var area : areas.get(other)) {
                if (Plan.areasOverlap(area, candidate)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** For each task, the tasks whose planted intervals overlap its own. */
    private static List<List<Integer>> overlapping(long[] start, long[] time) {
        int n = start.length;
        var byStart = new Integer[n];
        for (int t = 0; t < n; t++) {
            byStart[t] = t;
        }
        Arrays.sort(byStart, Comparator.comparingLong(t -> start[t]));
        var overlapping = new ArrayList<List<Integer>>();
        for (int t = 0; t < n; t++) {
            overlapping.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            int t = byStart[i];
            // Later starters overlap t exactly when they start before it ends (every planted time is > 0).
            for (int j = i + 1; j < n && start[byStart[j]] < start[t] + time[t]; j++) {
                overlapping.get(t).add(byStart[j]);
                overlapping.get(byStart[j]).add(t);
            }
        }
        return overlapping;
    }
}
