package dev.fanout.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A running instance of the service, seen every few seconds: the shared solve queue has places per live instance. */
@Entity
@Table(name = "fanout_instance")
public class InstanceEntity extends PanacheEntityBase {

    @Id
    @Column(name = "name", length = 200)
    public String name;

    @Column(name = "seen_at", nullable = false)
    public Instant seenAt;
}
