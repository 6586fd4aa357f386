package dev.fanout.formats;

import java.util.List;
import java.util.Optional;

import dev.fanout.plan.PlanDocument;

/**
 * One way a plan is written: its name (what {@code ?format=} says), the content types that mean it, and a reader that
 * turns a request body into a {@link PlanDocument} or refuses it with a {@link dev.fanout.plan.PlanRejectedException}
 * naming the field or line and the value. What the document means is the validator's business, not the reader's.
 */
public interface PlanFormat {

    /** The name {@code ?format=} takes: "json", "spec-kit". */
    String name();

    /** Other names {@code ?format=} takes for it ("def" for iMOPSE's file extension). */
    default List<String> aliases() {
        return List.of();
    }

    /** The content types that select it when no {@code format} is given, lower case, without parameters. */
    List<String> mediaTypes();

    PlanDocument read(byte[] body);

    /**
     * This format planning with {@code count} agents, for formats whose files name none (a spec-kit tasks.md lists
     * work, not workers); empty for formats whose files name their own agents, which refuse the request's count.
     */
    default Optional<PlanFormat> withAgents(int count) {
        return Optional.empty();
    }
}
