package dev.fanout.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fanout.plan.PlanDocument.ResourceDocument;

/** The plan's shared resources: unique ids, capacities (integers ≥ 1, default 1). */
final class ResourcesValidator {

    /** More units than this is a count of something no plan shares; it would only slow capacity checks. */
    static final int MAX_CAPACITY = 100_000;

    private ResourcesValidator() {
    }

    static Map<String, Plan.Resource> check(Problems problems, List<ResourceDocument> documents) {
        var resources = new LinkedHashMap<String, Plan.Resource>();
        if (documents == null) {
            return resources;
        }
        problems.eachObject(documents, "resources", "a resource object", (field, resource) -> {
            var id = problems.requireId(field + ".id", resource.id());
            problems.optionalText(field + ".name", resource.name());
            int capacity = 1;
            if (resource.capacity() != null) {
                capacity = resource.capacity();
                if (capacity < 1 || capacity > MAX_CAPACITY) {
                    problems.add(field + ".capacity", String.valueOf(capacity),
                            "must be an integer from 1 to " + MAX_CAPACITY + " (how many units tasks may use at once)");
                    capacity = MAX_CAPACITY; // the plan is refused anyway; no second refusal of the units tasks use

                }
            }
            if (id != null) {
                if (resources.containsKey(id)) {
                    problems.add(field + ".id", Problems.quote(id), "duplicates the id of another resource");
                } else {
                    resources.put(id, new Plan.Resource(id, resource.name(), capacity));
                }
            }
        });
        return resources;
    }
}
