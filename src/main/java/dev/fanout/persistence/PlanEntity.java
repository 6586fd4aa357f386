package dev.fanout.persistence;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored plan: its current version's document (normalized JSON) and number, and a few figures for listing without
 * parsing it. Earlier versions are {@link PlanVersionEntity}s.
 */
@Entity
@Table(name = "plan")
public class PlanEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "name", nullable = false, length = 1000)
    public String name;

    @Column(name = "document", nullable = false, columnDefinition = "text")
    public String document;

    @Column(name = "task_count", nullable = false)
    public int taskCount;

    @Column(name = "agent_count", nullable = false)
    public int agentCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The current version's number (CONTRACT §6): 1 when stored, one more with each progress update. */
    @Column(name = "version", nullable = false)
    public int version = 1;

    /** The owner of the API key that stored it; null when stored without keys configured (README, "Security"). */
    @Column(name = "owner", length = 200)
    public String owner;
}
