package dev.fanout.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.fanout.service.JobEngine;

/**
 * Ready while this instance takes jobs from the database; says which instance it is, how many are alive and how many
 * background solves are queued or running across them (what a load balancer's operator wants to see per instance).
 */
@Readiness
@ApplicationScoped
public class JobsHealth implements HealthCheck {

    private final JobEngine jobs;

    public JobsHealth(JobEngine jobs) {
        this.jobs = jobs;
    }

    @Override
    public HealthCheckResponse call() {
        var status = jobs.status();
        return HealthCheckResponse.named("Jobs")
                .status(status.takingJobs())
                .withData("instance", status.instance())
                .withData("instancesAlive", status.instancesAlive())
                .withData("solvesQueuedOrRunning", status.solvesQueuedOrRunning())
                .build();
    }
}
