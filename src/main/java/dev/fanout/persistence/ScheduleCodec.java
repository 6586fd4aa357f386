package dev.fanout.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.fanout.analysis.Instance;
import dev.fanout.analysis.Schedule;

/**
 * A schedule as stored: one {@code [task, agent, start]} triple per task, start as an exact decimal in the plan's
 * unit since the plan began (not since its {@code now}), so that decoding gives back exactly the ticks that were
 * encoded.
 */
public final class ScheduleCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    record StoredAssignment(String task, String agent, BigDecimal start) {
    }

    private ScheduleCodec() {
    }

    public static String encode(Schedule schedule) {
        var instance = schedule.instance();
        var stored = new ArrayList<StoredAssignment>();
        for (int task = 0; task < instance.taskCount(); task++) {
            int agent = schedule.agentOf(task);
            stored.add(new StoredAssignment(instance.taskId(task), agent == Schedule.NO_AGENT ? null : instance.agentId(agent),
                    instance.scale().units(instance.scale().origin() + schedule.start(task))));
        }
        try {
            return MAPPER.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a schedule", e);
        }
    }

    /** Each task's agent in a stored schedule (tasks without one left out), whatever plan it was made for. */
    public static java.util.Map<String, String> agents(String json) {
        var agents = new java.util.HashMap<String, String>();
        read(json).stream().filter(assignment -> assignment.agent() != null)
                .forEach(assignment -> agents.put(assignment.task(), assignment.agent()));
        return agents;
    }

    /** Each task's start in a stored schedule, since the plan began. */
    public static java.util.Map<String, BigDecimal> starts(String json) {
        var starts = new java.util.HashMap<String, BigDecimal>();
        read(json).forEach(assignment -> starts.put(assignment.task(), assignment.start()));
        return starts;
    }

    private static List<StoredAssignment> read(String json) {
        try {
            return Arrays.asList(MAPPER.readValue(json, StoredAssignment[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable stored schedule", e);
        }
    }

    /** @throws IllegalArgumentException when the stored schedule does not fit the plan */
    public static Schedule decode(Instance instance, String json) {
        var stored = read(json);
        if (stored.size() != instance.taskCount()) {
            throw new IllegalArgumentException("stored schedule has " + stored.size() + " tasks, the plan "
                    + instance.taskCount());
        }
        var agentOf = new int[instance.taskCount()];
        var start = new long[instance.taskCount()];
        for (var assignment : stored) {
            int task = instance.taskIndex(assignment.task());
            agentOf[task] = assignment.agent() == null ? Schedule.NO_AGENT : instance.agentIndex(assignment.agent());
            start[task] = instance.scale().ticks(assignment.start()) - instance.scale().origin();
        }
        return new Schedule(instance, agentOf, start);
    }
}
