package dev.fanout.persistence;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last what-if comparison of a plan, stored as the JSON the API answered. */
@Entity
@Table(name = "plan_what_if")
public class WhatIfEntity extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id", length = 64)
    public String planId;

    @Column(name = "result", nullable = false, columnDefinition = "text")
    public String result;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
