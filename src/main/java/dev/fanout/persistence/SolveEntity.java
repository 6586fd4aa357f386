package dev.fanout.persistence;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.fanout.report.SolveStatus;

/**
 * The latest solve of a plan: its status and its best schedule so far (JSON: task, agent, start in plan units, exact
 * decimals), kept up to date while the solve runs so that nothing is lost if the service stops.
 */
@Entity
@Table(name = "plan_solve")
public class SolveEntity extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id", length = 64)
    public String planId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    public SolveStatus status;

    @Column(name = "makespan")
    public Double makespan;

    @Column(name = "lower_bound")
    public Double lowerBound;

    @Column(name = "optimal")
    public Boolean optimal;

    @Column(name = "schedule", columnDefinition = "text")
    public String schedule;

    @Column(name = "requested_seconds")
    public Double requestedSeconds;

    @Column(name = "message", length = 2000)
    public String message;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The instance running the solve; null while the solve waits for one (or after it). */
    @Column(name = "run_by", length = 200)
    public String runBy;

    /** A stop asked for through an instance other than the one running the solve. */
    @Column(name = "stop_requested", nullable = false)
    public boolean stopRequested;

    /** Solving time spent so far, over every run of this solve (a solve taken over runs for what is left). */
    @Column(name = "spent_seconds", nullable = false)
    public double spentSeconds;
}
