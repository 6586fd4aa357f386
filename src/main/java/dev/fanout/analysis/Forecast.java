package dev.fanout.analysis;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

import dev.fanout.plan.Plan;

/**
 * When the plan will really finish, and how sure that is (CONTRACT §7): a Monte Carlo simulation of each strategy
 * followed as a policy ({@link PolicySimulation}), every run drawing each ranged task's duration from the PERT (Beta)
 * distribution over its range, shape 1 + 4·(likely − min)/(max − min) and 1 + 4·(max − likely)/(max − min), scaled to
 * [min, max], so that its mean is the PERT mean the schedule is built on. Every strategy sees the same durations in
 * the same run, so their differences are the strategies', not the draws'. Runs are drawn in chunks of
 * {@value #CHUNK}, each from its own generator seeded from {@link #SEED} and the chunk's number: the same plan gives
 * the same figures every time, however many threads run the chunks.
 *
 * <p>A plan without ranges is simulated once: every run would take the same time.
 *
 * @param runs how many runs were simulated
 * @param ranged how many tasks have a duration range with any spread
 * @param optimized the optimized schedule's spread
 * @param criticality per task, the share of runs in which it lies on the chain that ends last (optimized schedule)
 * @param strategies sequential and tiers always, waves when the plan has them
 */
public record Forecast(int runs, int ranged, Outcome optimized, double[] criticality, Map<Strategy, Outcome> strategies) {

    /** Runs for a plan of up to 1,000 tasks. */
    public static final int RUNS = 10_000;
    /** Runs × tasks at most: larger plans get fewer runs (never fewer than {@value #MIN_RUNS}), so a report stays quick. */
    static final long WORK = 10_000_000;
    static final int MIN_RUNS = 500;
    public static final long SEED = 20_261_203L;
    static final int CHUNK = 500;
    /** Bars of the histogram. */
    static final int BINS = 24;

    /** The strategies the optimized schedule is compared with, forecast the same way. */
    public enum Strategy {
        SEQUENTIAL, WAVES, TIERS
    }

    /** {@code counts[i]} runs ended in [from + i·width, from + (i+1)·width) (the last bar includes its end). */
    public record Histogram(double from, double width, int[] counts) {
    }

    /**
     * The spread of one strategy's finish: percentiles (nearest rank), mean, share on time (null without deadline), and
     * every run's finish, sorted.
     */
    public record Outcome(double p50, double p80, double p95, double mean, Double onTime, Histogram histogram,
            double[] sorted) {

        /** The share of runs that end at or before {@code time}. */
        public double shareBy(double time) {
            return Forecast.shareBy(sorted, time);
        }
    }

    /** The share of runs in which the task lies on the chain that ends last in the optimized schedule. */
    public double criticality(int task) {
        return criticality[task];
    }

    static int runsFor(int tasks, int ranged) {
        return ranged == 0 ? 1 : (int) Math.max(MIN_RUNS, Math.min(RUNS, WORK / Math.max(1, tasks)));
    }

    public static Forecast of(PlanAnalysis analysis, Schedule optimized) {
        var instance = analysis.instance();
        var plan = instance.plan();
        int n = instance.taskCount();
        var scale = instance.scale();
        var mean = IntStream.range(0, n).mapToDouble(task -> scale.toDouble(instance.duration(task))).toArray();
        // Started and done work is fixed: only planned work with a range is drawn.
        var rangedTasks = IntStream.range(0, n).filter(task -> plan.tasks().get(task).hasRange()
                && instance.status(task) == dev.fanout.plan.TaskStatus.PLANNED).toArray();
        // Simulated from now (tick 0); every figure is reported as an instant, like the makespan.
        double now = scale.at(0);
        int runs = runsFor(n, rangedTasks.length);

        var policies = new EnumMap<Strategy, PolicySimulation>(Strategy.class);
        analysis.wavePlan().ifPresent(waves -> policies.put(Strategy.WAVES, PolicySimulation.of(waves.waves())));
        policies.put(Strategy.TIERS, PolicySimulation.of(analysis.tierSchedule()));
        var policy = PolicySimulation.of(optimized);

        var makespans = new double[runs];
        var others = new EnumMap<Strategy, double[]>(Strategy.class);
        for (var strategy : Strategy.values()) {
            if (strategy == Strategy.SEQUENTIAL || policies.containsKey(strategy)) {
                others.put(strategy, new double[runs]);
            }
        }
        // Each ranged task's distribution on [0, 1], and how it is scaled to [min, max]; each chunk samples them anew.
        var distributions = new BetaDistribution[rangedTasks.length];
        var low = new double[rangedTasks.length];
        var spread = new double[rangedTasks.length];
        for (int k = 0; k < rangedTasks.length; k++) {
            var estimate = plan.tasks().get(rangedTasks[k]).estimate();
            distributions[k] = pert(estimate);
            low[k] = estimate.min().doubleValue();
            spread[k] = estimate.max().doubleValue() - low[k];
        }
        var onChain = new long[n];
        int chunks = (runs + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            var random = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED + chunk);
            var samplers = Arrays.stream(distributions).map(distribution -> distribution.createSampler(random))
                    .toArray(ContinuousDistribution.Sampler[]::new);
            var duration = mean.clone();
            var run = policy.newRun();
            var otherRuns = new EnumMap<Strategy, PolicySimulation.Run>(Strategy.class);
            policies.forEach((strategy, simulation) -> otherRuns.put(strategy, simulation.newRun()));
            var counted = new long[n];
            for (int r = chunk * CHUNK; r < Math.min(runs, (chunk + 1) * CHUNK); r++) {
                for (int k = 0; k < rangedTasks.length; k++) {
                    duration[rangedTasks[k]] = low[k] + spread[k] * samplers[k].sample();
                }
                makespans[r] = now + run.simulate(duration);
                for (int task = lastToEnd(run.end); task >= 0; task = run.cause[task]) {
                    counted[task]++;
                }
                for (var entry : otherRuns.entrySet()) {
                    others.get(entry.getKey())[r] = now + entry.getValue().simulate(duration);
                }
                others.get(Strategy.SEQUENTIAL)[r] = now + Arrays.stream(duration).sum();
            }
            synchronized (onChain) {
                for (int task = 0; task < n; task++) {
                    onChain[task] += counted[task];
                }
            }
        });
        Double deadline = plan.hasDeadline() ? plan.deadline().doubleValue() : null;
        var criticality = Arrays.stream(onChain).mapToDouble(count -> (double) count / runs).toArray();
        var strategies = new EnumMap<Strategy, Outcome>(Strategy.class);
        others.forEach((strategy, values) -> strategies.put(strategy, outcome(values, deadline)));
        return new Forecast(runs, rangedTasks.length, outcome(makespans, deadline), criticality, strategies);
    }

    /** PERT-Beta on [0, 1]: scaled to [min, max] by the caller. */
    static BetaDistribution pert(Plan.Estimate estimate) {
        double min = estimate.min().doubleValue();
        double span = estimate.max().doubleValue() - min;
        double likely = estimate.likely().doubleValue();
        return BetaDistribution.of(1 + 4 * (likely - min) / span, 1 + 4 * (estimate.max().doubleValue() - likely) / span);
    }

    private static int lastToEnd(double[] end) {
        int last = -1;
        for (int task = 0; task < end.length; task++) {
            if (last < 0 || end[task] > end[last]) {
                last = task;
            }
        }
        return last;
    }

    static Outcome outcome(double[] values, Double deadline) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return new Outcome(percentile(sorted, 0.5), percentile(sorted, 0.8), percentile(sorted, 0.95),
                sum / sorted.length, deadline == null ? null : shareBy(sorted, deadline), histogram(sorted), sorted);
    }

    private static double shareBy(double[] sorted, double time) {
        int count = 0;
        while (count < sorted.length && sorted[count] <= time + 1e-9) {
            count++;
        }
        return (double) count / sorted.length;
    }

    /** The nearest-rank percentile: the smallest value at or below which a share {@code q} of the runs lie. */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Histogram histogram(double[] sorted) {
        double from = sorted[0];
        double width = (sorted[sorted.length - 1] - from) / BINS;
        if (width <= 0) {
            return new Histogram(from, 0, new int[] { sorted.length });
        }
        var counts = new int[BINS];
        for (double value : sorted) {
            counts[Math.min(BINS - 1, (int) ((value - from) / width))]++;
        }
        return new Histogram(from, width, counts);
    }
}
