package dev.fanout.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A plan handed to the job engine to solve for the instance that asked (a one-shot solve, a what-if scenario): the plan,
 * and its answer once an instance solved it.
 */
@Entity
@Table(name = "solve_job")
public class SolveJobEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "document", columnDefinition = "text", nullable = false)
    public String document;

    @Column(name = "seconds", nullable = false)
    public double seconds;

    @Column(name = "asked_by", length = 200, nullable = false)
    public String askedBy;

    @Column(name = "run_by", length = 200)
    public String runBy;

    @Column(name = "schedule", columnDefinition = "text")
    public String schedule;

    @Column(name = "failed", nullable = false)
    public boolean failed;

    @Column(name = "message", length = 2000)
    public String message;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
