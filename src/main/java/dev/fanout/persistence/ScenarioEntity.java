package dev.fanout.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A what-if scenario handed to the job engine: the variant plan, and its schedule once an instance solved it. */
@Entity
@Table(name = "what_if_scenario")
public class ScenarioEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "document", columnDefinition = "text", nullable = false)
    public String document;

    @Column(name = "seconds", nullable = false)
    public double seconds;

    @Column(name = "run_by", length = 200)
    public String runBy;

    @Column(name = "schedule", columnDefinition = "text")
    public String schedule;

    @Column(name = "error", length = 2000)
    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
