package dev.fanout.formats;

import java.util.List;
import java.util.Optional;

import dev.fanout.plan.PlanDocument;

/** spec-kit's {@code tasks.md} ({@link SpecKitReader}), planned with {@code agents} agents: the file names none. */
record SpecKitFormat(int agents) implements PlanFormat {

    @Override
    public String name() {
        return "spec-kit";
    }

    @Override
    public List<String> mediaTypes() {
        return List.of("text/markdown", "text/x-markdown");
    }

    @Override
    public PlanDocument read(byte[] body) {
        return SpecKitReader.read(body, agents);
    }

    @Override
    public Optional<PlanFormat> withAgents(int count) {
        return Optional.of(new SpecKitFormat(count));
    }
}
