/**
 * Storage, one boundary: the Panache entities (plan, its versions, its latest solve, its last what-if comparison, the
 * instances alive, plans on their way through the job engine to be solved for a request), the Flyway
 * migrations in {@code db/migration}, the schedule codec, and the stores that read and write them in one transaction
 * per method. Stores hand out plain records, never entities. Uses plan, analysis and report (for the types it
 * stores). Its stores are used by the service layer and the what-if service only; its records ({@code StoredPlan},
 * {@code Summary}) travel up to the API as plain data.
 */
package dev.fanout.persistence;
