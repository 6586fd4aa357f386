/**
 * What the API does, one class per job: {@link dev.fanout.service.PlanIntake} reads and validates incoming plans,
 * {@link dev.fanout.service.PlanCatalog} keeps them, {@link dev.fanout.service.CurrentSchedules} answers "the current
 * schedule of plan X" (status, schedule, report), {@link dev.fanout.service.BackgroundSolves} runs stored plans'
 * solves so that nothing is lost, on whichever instance {@link dev.fanout.service.JobEngine} (db-scheduler over the
 * database) hands them to, as it does {@link dev.fanout.service.SolveJobs}' plans solved for a request (one-shot
 * solves, what-if scenarios);
 * {@link dev.fanout.service.SolveOnce} solves without storing, and
 * {@link dev.fanout.service.SeedPlans} loads the examples. Solving itself is {@link dev.fanout.service.SolveAdmission}
 * (who may solve, counted in solves), {@link dev.fanout.service.SolveRunner} (the solver threads),
 * {@link dev.fanout.service.SolveSearch} (the search) and {@link dev.fanout.service.SolveMetrics}.
 *
 * <p>What goes wrong is said with this package's exceptions ({@link dev.fanout.service.PlanNotFound},
 * {@link dev.fanout.service.Overloaded}, …): facts about plans, no HTTP. Uses config, plan, formats, analysis, solver,
 * report and persistence; used by what-if, the API and the MCP tools. Nothing here imports {@code jakarta.ws.rs}.
 */
package dev.fanout.service;
