package dev.fanout.formats;

import java.util.List;
import java.util.function.Function;

import dev.fanout.plan.PlanDocument;

/**
 * A format whose files say everything the plan needs, agents included, so it reads a body one way only: Fanout's own
 * document in JSON or YAML, an iMOPSE {@code .def} file.
 */
record FixedFormat(String name, List<String> aliases, List<String> mediaTypes, Function<byte[], PlanDocument> reader)
        implements PlanFormat {

    FixedFormat {
        aliases = List.copyOf(aliases);
        mediaTypes = List.copyOf(mediaTypes);
    }

    @Override
    public PlanDocument read(byte[] body) {
        return reader.apply(body);
    }
}
