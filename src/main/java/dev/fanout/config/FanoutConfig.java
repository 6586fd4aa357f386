package dev.fanout.config;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;

/**
 * Every setting of Fanout's own, typed, documented and validated in one place. The values, defaults included, are
 * written once, in {@code application.properties}, with a comment per key and its profiles ({@code %test.}); any key
 * can be overridden from the environment ({@code fanout.solve.max-seconds} → {@code FANOUT_SOLVE_MAX_SECONDS}). A
 * missing or nonsensical value stops the service at start-up with a message naming the key.
 */
@ConfigMapping(prefix = "fanout")
public interface FanoutConfig {

    Solve solve();

    Limits limits();

    Seed seed();

    Db db();

    Jobs jobs();

    Security security();

    Http http();

    interface Solve {
        /** Time limit of a solve whose request gives no {@code ?seconds=}. */
        @Positive
        double defaultSeconds();

        /** The most a request may ask for. */
        @Positive
        double maxSeconds();

        /**
         * Solves that run side by side (solver threads). Timefold's own {@code parallel-solver-count} is set from it
         * in {@code application.properties}, so the two never disagree.
         */
        @Min(1)
        int parallelSolves();

        /** Solves that may wait for a solver thread; beyond running + waiting, requests are refused, with when to retry. */
        @Min(0)
        int queueCapacity();

        /**
         * Whether a solve's heuristic search runs as two islands, the second on a spare core, while fewer solves run on
         * this instance than it has cores: stopped when another solve starts, started again once it has ended
         * (BENCHMARKS.md).
         */
        boolean secondIsland();

        /** Share of a solve's time given to the heuristic search on plans of up to 300 tasks (BENCHMARKS.md). */
        @DecimalMin("0")
        @DecimalMax("1")
        double heuristicShare();

        /** The same share on plans of 1,000 tasks and more; linear in between. */
        @DecimalMin("0")
        @DecimalMax("1")
        double heuristicShareLarge();

        /** Plans of up to this many tasks get the exact stage (CP-SAT) after the heuristic search; 0 turns it off. */
        @Min(0)
        int exactMaxTasks();

        /**
         * Plans above {@code exactMaxTasks} and up to this many tasks, without areas, resources or caps, get the exact
         * stage's windows alone (CP-SAT over windows near the schedule's end); at most {@code exactMaxTasks}: none.
         */
        @Min(0)
        int windowsMaxTasks();

        /** Share of the time left after the heuristic search that the exact stage may take; Timefold gets the rest. */
        @DecimalMin("0")
        @DecimalMax("1")
        double exactShare();

        /** Threads of the exact stage (CP-SAT's workers). */
        @Min(1)
        int exactWorkers();

        /** Share of the exact stage's time spent looking for a schedule at the lower bound (then one step above, …). */
        @DecimalMin("0")
        @DecimalMax("1")
        double exactTargetShare();

        /** Share of the budget the heuristic search takes before the exact stage, on plans without shared limits. */
        @DecimalMin("0")
        @DecimalMax("1")
        double exactHeuristicShare();
    }

    interface Limits {
        /** Plans larger than this are refused, naming the limit. */
        @Min(1)
        int maxTasks();
        @Min(1)
        int maxAgents();
        @Min(0)
        int maxDependencies();

        /** Request bodies larger than this are refused, before they are read when they say their length. */
        @Min(1)
        long maxRequestBytes();
    }

    interface Seed {
        /** Load the example plans into an empty database at start-up, and solve them. */
        boolean enabled();

        /** Where the example plans are (every {@code *.json} in it). */
        Path directory();
    }

    /**
     * Read by Quarkus itself ({@code quarkus.datasource.*} is set from these keys in {@code application.properties}),
     * not by Fanout's code: here so that they are documented and checked with the rest.
     */
    interface Db {
        /** h2 (embedded, the default) or postgresql; fixed when the application is built (README, "PostgreSQL"). */
        String kind();

        /** Where the H2 database file lives (a path without the .mv.db suffix). */
        String path();
    }

    /**
     * The job engine (db-scheduler) that hands background solves to instances over the database (README, "Several
     * instances"). A solve whose instance stopped beating is taken over after {@code heartbeat × missed-heartbeats},
     * found by a check every {@code 2 × heartbeat}.
     */
    interface Jobs {
        /** This instance's name in the job table and the logs; empty: host name, process id and a random suffix. */
        java.util.Optional<String> instanceName();

        /** How often an instance looks for solves waiting for one (the instance that queued one starts it at once). */
        java.time.Duration pollingInterval();

        /** How often a running solve's instance marks it alive. */
        java.time.Duration heartbeat();

        /** Heartbeats missed before a solve is taken for dead and handed to another instance. */
        @Min(2)
        int missedHeartbeats();
    }

    /** API keys (README, "Security"): without any, every caller may do everything, so only this machine is served. */
    interface Security {
        /**
         * Entries {@code key=owner:role} separated by commas ({@code FANOUT_API_KEYS}); role is read or write. Never
         * logged, not even in the message that refuses a malformed entry (it names the entry's position).
         */
        Optional<String> apiKeys();

        /** A file of the same entries, one a line, blank lines and {@code #} comments skipped ({@code FANOUT_API_KEYS_FILE}). */
        Optional<Path> apiKeysFile();
    }

    /** Where the service listens, beyond Quarkus' own {@code quarkus.http.*} keys. */
    interface Http {
        /**
         * Without API keys the service listens on 127.0.0.1 only; true listens where {@code quarkus.http.host} says
         * (0.0.0.0 by default) without keys all the same, with a warning at start-up. Read by
         * {@code dev.fanout.security.LoopbackByDefault} before the application starts; here to be documented and checked.
         */
        boolean expose();
    }
}
