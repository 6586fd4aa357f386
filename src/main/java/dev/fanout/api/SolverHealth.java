package dev.fanout.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import dev.fanout.service.SolveRunner;

/** Live while the solver threads can take work; reports how busy the solve queue is. */
@Liveness
@ApplicationScoped
public class SolverHealth implements HealthCheck {

    private final SolveRunner solver;

    public SolverHealth(SolveRunner solver) {
        this.solver = solver;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Solver")
                .status(solver.isAcceptingWork())
                .withData("running", solver.running())
                .withData("queued", solver.queued())
                .build();
    }
}
