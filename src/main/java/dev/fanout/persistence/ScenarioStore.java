package dev.fanout.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What-if scenarios on their way through the job engine: asked by one instance, solved by any. */
@ApplicationScoped
public class ScenarioStore {

    /** A scenario to solve: its variant plan (a plan document in JSON) and its time limit. */
    public record Pending(String document, double seconds) {
    }

    /** A scenario solved: its schedule (as {@link ScheduleCodec} writes it), or why there is none. */
    public record Answer(String id, String schedule, String error) {
    }

    @Transactional
    public void add(String id, String document, double seconds) {
        var scenario = new ScenarioEntity();
        scenario.id = id;
        scenario.document = document;
        scenario.seconds = seconds;
        scenario.createdAt = Instant.now();
        scenario.persist();
    }

    /** An instance begins solving the scenario; empty when there is none (or it was answered already). */
    @Transactional
    public Optional<Pending> begin(String id, String instance) {
        ScenarioEntity scenario = ScenarioEntity.findById(id);
        if (scenario == null || scenario.finishedAt != null) {
            return Optional.empty();
        }
        scenario.runBy = instance;
        return Optional.of(new Pending(scenario.document, scenario.seconds));
    }

    @Transactional
    public void answer(String id, String schedule, String error) {
        ScenarioEntity.<ScenarioEntity>findByIdOptional(id).ifPresent(scenario -> {
            scenario.schedule = schedule;
            scenario.error = error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
            scenario.finishedAt = Instant.now();
        });
    }

    /** The answers among {@code ids} that are in. */
    @Transactional
    public List<Answer> answers(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return ScenarioEntity.<ScenarioEntity>list("id in ?1 and finishedAt is not null", ids).stream()
                .map(scenario -> new Answer(scenario.id, scenario.schedule, scenario.error)).toList();
    }

    /** Removes scenarios older than {@code age}: their answers were read long ago, or their asker died. */
    @Transactional
    public void removeOlderThan(Duration age) {
        ScenarioEntity.delete("createdAt < ?1", Instant.now().minus(age));
    }
}
