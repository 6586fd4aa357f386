package dev.fanout.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import dev.fanout.bench.BenchmarkRunner.Result;

/**
 * The runner's Markdown table: one row per instance, then a line of totals. With a peer, two more columns: the peer's
 * makespan (marked when the peer proved it optimal itself) and how Fanout's compares with it, when both are valid. An
 * invalid schedule is marked, and never counted as optimal.
 */
final class BenchmarkTable {

    private BenchmarkTable() {
    }

    static String of(List<Result> results, double seconds, int parallel, String sets, String peer) {
        var out = new StringBuilder();
        out.append("| instance | tasks | agents | budget (s) | makespan | lower bound | gap % | time to best (s) | moves/s | reference | vs reference |");
        out.append(peer == null ? "\n" : " %s | vs %s |%n".formatted(peer, peer));
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|").append(peer == null ? "\n" : "---:|---|\n");
        int optimal = 0;
        int worse = 0;
        int better = 0;
        int invalid = 0;
        double gapSum = 0;
        double validGapSum = 0;
        var versusPeer = new int[3]; // Fanout better, equal, worse
        int peerSolved = 0;
        int peerOptimal = 0;
        int peerInvalid = 0;
        double peerGapSum = 0;
        for (var r : results) {
            var reference = r.benchmark().reference();
            double makespan = r.unit().toDouble(r.makespan());
            String versus = reference == null ? "" : makespan < reference ? "better" : makespan == reference ? "equal" : "**worse**";
            if (reference != null && makespan > reference) {
                worse++;
            }
            if (reference != null && makespan < reference) {
                better++;
            }
            if (r.valid() && r.makespan() == r.lowerBound()) {
                optimal++;
            }
            if (!r.valid()) {
                invalid++;
            } else {
                validGapSum += r.gapPercent();
            }
            gapSum += r.gapPercent();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s%s | %s | %.2f | %.1f | %,d | %s | %s |",
                    r.benchmark().name(), r.tasks(), r.agents(), trim(r.seconds()), trim(r.unit().toDouble(r.makespan())),
                    r.valid() ? "" : " (INVALID)", trim(r.unit().toDouble(r.lowerBound())), r.gapPercent(),
                    r.timeToBest().toMillis() / 1000.0,
                    r.moveSpeed(), reference == null ? "" : trim(reference), versus));
            if (peer != null) {
                var p = r.peer();
                if (p.makespan() < 0) {
                    out.append(" none | — |");
                } else {
                    peerSolved++;
                    peerGapSum += r.lowerBound() == 0 ? 0 : 100.0 * (p.makespan() - r.lowerBound()) / r.lowerBound();
                    peerOptimal += p.valid() && p.makespan() == r.lowerBound() ? 1 : 0;
                    peerInvalid += p.valid() ? 0 : 1;
                    int comparison = Long.compare(r.makespan(), p.makespan());
                    String versusCell;
                    if (!r.valid() || !p.valid()) {
                        versusCell = "— (%s invalid)".formatted(r.valid() ? peer : "Fanout"); // only valid schedules compare
                    } else {
                        versusPeer[comparison + 1]++;
                        versusCell = comparison < 0 ? "better" : comparison == 0 ? "equal" : "**worse**";
                    }
                    out.append(" %s%s%s | %s |".formatted(trim(r.unit().toDouble(p.makespan())), p.provenOptimal() ? " (proven)" : "",
                            p.valid() ? "" : " (INVALID)", versusCell));
                }
            }
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT,
                "%n%d instances (%s), %s s each, %d at a time: mean gap to the lower bound %.2f %%%s, proven optimal %d, "
                        + "worse than the reference %d, better %d, invalid schedules %d.",
                results.size(), sets, trim(seconds), parallel, results.isEmpty() ? 0 : gapSum / results.size(),
                invalid == 0 ? "" : invalid == results.size() ? " (no valid schedule)"
                        : String.format(Locale.ROOT, " (%.2f %% on the %d valid schedules)",
                                validGapSum / (results.size() - invalid), results.size() - invalid),
                optimal, worse, better, invalid));
        if (peer != null) {
            out.append(String.format(Locale.ROOT, " %s, same budget: a schedule on %d, mean gap %.2f %% on those, at the"
                    + " lower bound %d, invalid schedules %d; where both are valid, Fanout better on %d, equal on %d, worse on %d.",
                    peer, peerSolved, peerSolved == 0 ? 0 : peerGapSum / peerSolved, peerOptimal, peerInvalid,
                    versusPeer[0], versusPeer[1], versusPeer[2]));
        }
        out.append(String.format(Locale.ROOT, " %s, %d cores, Java %s, %s.%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                "max heap " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1 << 20) + " MiB"));
        return out.toString();
    }

    static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
