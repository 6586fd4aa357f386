package dev.fanout.solver;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;

/** Each constraint alone, on hand-built jobs whose times are set directly. */
class JobScheduleConstraintsTest {

    private final ConstraintVerifier<JobScheduleConstraints, JobSchedule> verifier = ConstraintVerifier.build(
            new JobScheduleConstraints(), JobSchedule.class, Job.class, Worker.class);

    /** Worker 0 holds the skills, worker 1 does not; both are in the pool unless {@code poolOnlyWorker0}. */
    private static Job job(String id, long duration, long weight, boolean poolOnlyWorker0) {
        var skilled = new BitSet();
        skilled.set(0);
        var pool = new BitSet();
        pool.set(0);
        if (!poolOnlyWorker0) {
            pool.set(1);
        }
        return new Job(id, 0, duration, weight, skilled, pool);
    }

    private static Worker worker(int index, Job... jobs) {
        var worker = new Worker("w" + index, index, List.of());
        worker.setJobs(new ArrayList<>(List.of(jobs)));
        Long time = 0L;
        Job previous = null;
        for (var job : jobs) {
            job.setWorker(worker);
            job.setPrevious(previous);
            job.setStart(time);
            time = time + job.getDuration();
            previous = job;
        }
        return worker;
    }

    @Test
    void agentLacksSkillOrLevel() {
        var skilled = job("A", 3, 1, false);
        var unskilled = job("B", 2, 1, false);
        var skilledWorker = worker(0, skilled);
        var unskilledWorker = worker(1, unskilled);
        verifier.verifyThat(JobScheduleConstraints::agentLacksSkillOrLevel)
                .given(skilledWorker, unskilledWorker, skilled, unskilled)
                .penalizesBy(1);
    }

    @Test
    void agentOutsidePool() {
        var inPool = job("A", 3, 1, true);
        var outside = job("B", 2, 1, true);
        var first = worker(0, inPool);
        var second = worker(1, outside);
        verifier.verifyThat(JobScheduleConstraints::agentOutsidePool)
                .given(first, second, inPool, outside)
                .penalizesBy(1);
    }

    @Test
    void inconsistentOrder() {
        var a = job("A", 3, 1, false);
        var b = job("B", 2, 1, false);
        var w = worker(0, a, b);
        b.setInconsistent(true);
        verifier.verifyThat(JobScheduleConstraints::inconsistentOrder)
                .given(w, a, b)
                .penalizesBy(1);
    }

    @Test
    void makespanIsTheLatestEnd() {
        var a = job("A", 3, 1, false);
        var b = job("B", 2, 1, false);
        var c = job("C", 4, 1, false);
        var first = worker(0, a, b);   // A 0..3, B 3..5
        var second = worker(1, c);     // C 0..4
        verifier.verifyThat(JobScheduleConstraints::makespan)
                .given(first, second, a, b, c)
                .penalizesBy(5);
    }

    @Test
    void makespanIgnoresJobsWithoutTimes() {
        var a = job("A", 3, 1, false);
        var unassigned = job("U", 9, 1, false);
        var w = worker(0, a);
        verifier.verifyThat(JobScheduleConstraints::makespan)
                .given(w, a, unassigned)
                .penalizesBy(3);
    }

    @Test
    void priorityWeightedEndTimes() {
        var low = job("A", 3, 1, false);
        var high = job("B", 2, 3, false);
        var w = worker(0, low, high);  // A ends 3 (weight 1), B ends 5 (weight 3)
        verifier.verifyThat(JobScheduleConstraints::priorityWeightedEndTimes)
                .given(w, low, high)
                .penalizesBy(3 * 3 * 1 + 5 * 5 * 3);
    }
}
