package dev.fanout.bench;

import static dev.fanout.bench.BenchmarkTable.trim;

import java.util.List;
import java.util.Locale;

import dev.fanout.analysis.PlanAnalysis;
import dev.fanout.plan.PlanValidator;

/**
 * The lower bounds alone, without solving ({@code ./fanout bench --set d36 --mode bounds}): for each plan of the
 * sets, its lower bound, which part binds, the public reference value where there is one and the gap from the bound
 * up to it, and the time the analysis took (one run after one to warm up, so the first plan's figure is not the
 * JIT's). Comparing two versions of the bounds means running it on each.
 */
final class BoundsBenchmark {

    private BoundsBenchmark() {
    }

    static void run(List<BenchmarkRunner.Case> cases, PlanValidator validator) {
        System.out.println("| plan | tasks | agents | lower bound | binds | reference | gap to reference | analysis |");
        System.out.println("|---|---:|---:|---:|---|---:|---:|---:|");
        double gapSum = 0;
        int withReference = 0;
        double secondsSum = 0;
        for (var benchmark : cases) {
            var plan = validator.validate(benchmark.plan().get());
            PlanAnalysis.of(plan);
            long started = System.nanoTime();
            var analysis = PlanAnalysis.of(plan);
            double seconds = (System.nanoTime() - started) / 1e9;
            secondsSum += seconds;
            double bound = analysis.instance().scale().toDouble(analysis.lowerBound());
            String reference = "";
            String gap = "";
            if (benchmark.reference() != null) {
                double percent = 100 * (benchmark.reference() - bound) / benchmark.reference();
                gapSum += percent;
                withReference++;
                reference = trim(benchmark.reference());
                gap = String.format(Locale.ROOT, "%.2f %%", percent);
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %.0f ms |%n", benchmark.name(),
                    analysis.instance().taskCount(), analysis.instance().agentCount(), trim(bound),
                    analysis.lowerBounds().binding(), reference, gap, seconds * 1000);
        }
        System.out.printf(Locale.ROOT, "%n%d plans; mean analysis %.0f ms", cases.size(),
                1000 * secondsSum / cases.size());
        if (withReference > 0) {
            System.out.printf(Locale.ROOT, "; mean gap from the bound up to the reference %.2f %% (%d plans)",
                    gapSum / withReference, withReference);
        }
        System.out.println();
    }
}
