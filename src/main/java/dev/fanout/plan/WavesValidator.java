package dev.fanout.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The author's waves: each names tasks of the plan, each task in one wave at most. */
final class WavesValidator {

    private WavesValidator() {
    }

    static List<List<String>> check(Problems problems, List<List<String>> waves, Map<String, Plan.Task> tasks) {
        if (waves == null) {
            return List.of();
        }
        var seen = new HashMap<String, String>();
        var result = new ArrayList<List<String>>();
        for (int w = 0; w < waves.size(); w++) {
            var wave = waves.get(w);
            var field = "waves[" + w + "]";
            if (wave == null || wave.isEmpty()) {
                problems.add(field, wave == null ? "null" : "[]", "a wave must list at least one task id");
                continue;
            }
            var members = new ArrayList<String>();
            for (int m = 0; m < wave.size(); m++) {
                var id = wave.get(m);
                var memberField = field + "[" + m + "]";
                if (id == null || !tasks.containsKey(id)) {
                    problems.add(memberField, id == null ? "null" : Problems.quote(id), "names no task");
                } else if (seen.containsKey(id)) {
                    problems.add(memberField, Problems.quote(id), "is already listed at " + seen.get(id)
                            + ": a task belongs to one wave only");
                } else {
                    seen.put(id, memberField);
                    members.add(id);
                }
            }
            result.add(members);
        }
        return result;
    }
}
