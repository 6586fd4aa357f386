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
 * unit, so that decoding gives back exactly the ticks that were encoded.
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
                    instance.scale().units(schedule.start(task))));
        }
        try {
            return MAPPER.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a schedule", e);
        }
    }

    /** @throws IllegalArgumentException when the stored schedule does not fit the plan */
    public static Schedule decode(Instance instance, String json) {
        List<StoredAssignment> stored;
        try {
            stored = Arrays.asList(MAPPER.readValue(json, StoredAssignment[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable stored schedule", e);
        }
        if (stored.size() != instance.taskCount()) {
            throw new IllegalArgumentException("stored schedule has " + stored.size() + " tasks, the plan "
                    + instance.taskCount());
        }
        var agentOf = new int[instance.taskCount()];
        var start = new long[instance.taskCount()];
        for (var assignment : stored) {
            int task = instance.taskIndex(assignment.task());
            agentOf[task] = assignment.agent() == null ? Schedule.NO_AGENT : instance.agentIndex(assignment.agent());
            start[task] = instance.scale().ticks(assignment.start());
        }
        return new Schedule(instance, agentOf, start);
    }
}
