package dev.fanout.report;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.StringWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The report's timeline summary as CSV: one row per strategy, for spreadsheets. */
public final class CsvReport {

    /** Quotes a value only when it must be (a comma, a quote or a line break in it). */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private CsvReport() {
    }

    public static String timelineSummary(Report report) {
        var header = List.of("strategy", "makespan", "time_unit", "optimized_saves", "saving_percent", "speedup", "p50", "p80",
                "p95");
        var rows = new ArrayList<List<String>>();
        var forecast = report.forecast();
        for (var saving : report.savings()) {
            var outcome = forecast.strategies().get(JsonNames.of(saving.against()));
            rows.add(List.of(JsonNames.of(saving.against()), Numbers.format(saving.makespan()), report.summary().timeUnit(),
                    Numbers.format(saving.saved()), Numbers.format(saving.percent()), Numbers.format(saving.speedup()),
                    Numbers.format(outcome.p50()), Numbers.format(outcome.p80()), Numbers.format(outcome.p95())));
        }
        rows.add(List.of("optimized", Numbers.format(report.strategies().optimized().makespan()), report.summary().timeUnit(), "0",
                "0", "1", Numbers.format(forecast.p50()), Numbers.format(forecast.p80()), Numbers.format(forecast.p95())));
        rows.add(List.of("lower_bound", Numbers.format(report.bounds().lowerBound()), report.summary().timeUnit(), "", "", "", "",
                "", ""));
        return write(header, rows);
    }

    /** One row per task: who does it, when, and why it starts then (with the area, resource or cap waited for). */
    public static String assignments(Report report) {
        var header = List.of("task", "agent", "start", "end", "time_unit", "critical", "starts_when", "waits_for", "until",
                "limit");
        var critical = new java.util.HashSet<>(report.bounds().criticalPath().tasks());
        var rows = new ArrayList<List<String>>();
        for (var wait : report.explanations().waits()) {
            rows.add(List.of(wait.task(), wait.agent() == null ? "" : wait.agent(), Numbers.format(wait.start()),
                    Numbers.format(wait.end()), report.summary().timeUnit(), String.valueOf(critical.contains(wait.task())),
                    JsonNames.of(wait.reason()), wait.on() == null ? "" : wait.on(),
                    wait.until() == null ? "" : Numbers.format(wait.until()), wait.limit() == null ? "" : wait.limit()));
        }
        return write(header, rows);
    }

    /** One row per agent: tasks, busy time and utilization in the optimized schedule. */
    public static String agents(Report report) {
        var header = List.of("agent", "pool", "tasks", "busy", "time_unit", "utilization");
        var rows = new ArrayList<List<String>>();
        for (var load : report.loads().agentLoads()) {
            rows.add(List.of(load.agent(), load.pool() == null ? "" : load.pool(), String.valueOf(load.tasks()),
                    Numbers.format(load.busy()), report.summary().timeUnit(), String.valueOf(load.utilization())));
        }
        return write(header, rows);
    }

    public static String write(List<String> header, List<List<String>> rows) {
        var schema = CsvSchema.builder().setUseHeader(false).build();
        var text = new StringWriter();
        try (SequenceWriter writer = CSV.writer(schema).writeValues(text)) {
            writer.write(header);
            for (var row : rows) {
                writer.write(row);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
