package dev.fanout.persistence;

import java.io.Serializable;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.fanout.report.SolveStatus;

/**
 * One version of a plan (CONTRACT §6): its document, the change that made it (the progress update as sent; null for
 * the first), and, once a later version replaced it, the schedule it ended with (frozen from its latest solve).
 */
@Entity
@Table(name = "plan_version")
@IdClass(PlanVersionEntity.Key.class)
public class PlanVersionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id", length = 64)
    public String planId;

    @Id
    @Column(name = "number")
    public int number;

    @Column(name = "document", nullable = false, columnDefinition = "text")
    public String document;

    @Column(name = "change", columnDefinition = "text")
    public String change;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16)
    public SolveStatus status;

    @Column(name = "schedule", columnDefinition = "text")
    public String schedule;

    @Column(name = "makespan")
    public Double makespan;

    @Column(name = "lower_bound")
    public Double lowerBound;

    @Column(name = "optimal")
    public Boolean optimal;

    /** The composite key: a plan and a version number. */
    public static class Key implements Serializable {
        public String planId;
        public int number;

        public Key() {
        }

        public Key(String planId, int number) {
            this.planId = planId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(planId, key.planId) && number == key.number;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(planId, number);
        }
    }
}
