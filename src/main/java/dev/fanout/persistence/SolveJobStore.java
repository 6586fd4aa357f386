package dev.fanout.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Plans on their way through the job engine to be solved for the instance that asked: asked by one, solved by any. */
@ApplicationScoped
public class SolveJobStore {

    /** A plan to solve: its document (JSON) and its time limit. */
    public record Pending(String document, double seconds) {
    }

    /**
     * A plan solved: its schedule (as {@link ScheduleCodec} writes it; null when it could not be solved at all),
     * whether the search failed, and what to say about it.
     */
    public record Answer(String id, String schedule, boolean failed, String message) {
    }

    @Transactional
    public void add(String id, String document, double seconds, String askedBy) {
        var job = new SolveJobEntity();
        job.id = id;
        job.askedBy = askedBy;
        job.document = document;
        job.seconds = seconds;
        job.createdAt = Instant.now();
        job.persist();
    }

    /** An instance begins solving the plan; empty when there is no such job (or it was answered already). */
    @Transactional
    public Optional<Pending> begin(String id, String instance) {
        SolveJobEntity job = SolveJobEntity.findById(id);
        if (job == null || job.finishedAt != null) {
            return Optional.empty();
        }
        job.runBy = instance;
        return Optional.of(new Pending(job.document, job.seconds));
    }

    @Transactional
    public void answer(String id, String schedule, boolean failed, String message) {
        SolveJobEntity.<SolveJobEntity>findByIdOptional(id).ifPresent(job -> {
            job.schedule = schedule;
            job.failed = failed;
            job.message = message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
            job.finishedAt = Instant.now();
        });
    }

    /** The answers among {@code ids} that are in. */
    @Transactional
    public List<Answer> answers(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return SolveJobEntity.<SolveJobEntity>list("id in ?1 and finishedAt is not null", ids).stream()
                .map(job -> new Answer(job.id, job.schedule, job.failed, job.message)).toList();
    }

    /**
     * Requests other instances asked for that are not answered yet (those of the last hour: an instance that died
     * waiting no longer holds places).
     */
    @Transactional
    public long unansweredAskedByOthers(String instance) {
        return SolveJobEntity.count("finishedAt is null and askedBy <> ?1 and createdAt > ?2", instance,
                Instant.now().minus(Duration.ofHours(1)));
    }

    /** Removes jobs older than {@code age}: their answers were read long ago, or whoever asked died. */
    @Transactional
    public void removeOlderThan(Duration age) {
        SolveJobEntity.delete("createdAt < ?1", Instant.now().minus(age));
    }
}
