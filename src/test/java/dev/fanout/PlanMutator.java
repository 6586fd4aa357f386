package dev.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Breaks a valid plan in the ways users, bugs and attackers do: wrong types, nulls, huge numbers, duplicate ids,
 * dangling and cyclic references, missing and unknown fields, truncated or garbled text, duplicate keys, deep
 * nesting, huge strings, control characters. Seeded, so a failure can be replayed.
 */
public final class PlanMutator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;

    public PlanMutator(long seed) {
        this.random = new Random(seed);
    }

    /** A mutated copy of {@code planJson} and what was done to it. */
    public record Mutant(String body, String mutation) {
    }

    public Mutant mutate(String planJson) {
        try {
            var tree = JSON.readTree(planJson);
            int kind = random.nextInt(14);
            return switch (kind) {
                case 0 -> new Mutant(planJson.substring(0, random.nextInt(planJson.length())), "truncated");
                case 1 -> garble(planJson);
                case 2 -> new Mutant(planJson.replaceFirst("\\{", "{\"name\": \"again\", "), "duplicate key");
                case 3 -> replaceValue(tree);
                case 4 -> removeField(tree);
                case 5 -> addUnknownField(tree);
                case 6 -> duplicateTask(tree);
                case 7 -> badReference(tree);
                case 8 -> deepNesting(tree);
                case 9 -> hugeString(tree);
                case 10 -> controlCharacters(tree);
                case 11 -> wrongContainer(tree);
                case 12 -> cycle(tree);
                default -> compound(tree);
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Mutant garble(String text) {
        var chars = text.toCharArray();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            chars[random.nextInt(chars.length)] = "{}[]\",:\\0x-e.".charAt(random.nextInt(13));
        }
        return new Mutant(new String(chars), "garbled");
    }

    private record Slot(JsonNode parent, String field, int index) {
        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private List<Slot> slots(JsonNode root) {
        var slots = new ArrayList<Slot>();
        collect(root, slots);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                slots.add(new Slot(node, name, -1));
                collect(node.get(name), slots);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                collect(node.get(i), slots);
            }
        }
    }

    private JsonNode strangeValue() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.textNode("x");
            case 1 -> NODES.textNode("");
            case 2 -> NODES.numberNode(0);
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(1e308);
            case 5 -> NODES.numberNode(-1e308);
            case 6 -> NODES.numberNode(new java.math.BigDecimal("123456789012345678901234567890.5"));
            case 7 -> NODES.numberNode(1.5);
            case 8 -> NODES.booleanNode(true);
            case 9 -> NODES.nullNode();
            case 10 -> NODES.arrayNode();
            default -> NODES.objectNode();
        };
    }

    private Mutant replaceValue(JsonNode tree) {
        var slots = slots(tree);
        var slot = slots.get(random.nextInt(slots.size()));
        var value = strangeValue();
        slot.set(value);
        return new Mutant(tree.toString(), "value at " + (slot.field() != null ? slot.field() : "[" + slot.index() + "]") + " → " + value);
    }

    private Mutant removeField(JsonNode tree) {
        var objects = slots(tree).stream().filter(s -> s.field() != null).toList();
        var slot = objects.get(random.nextInt(objects.size()));
        ((ObjectNode) slot.parent()).remove(slot.field());
        return new Mutant(tree.toString(), "removed " + slot.field());
    }

    private Mutant addUnknownField(JsonNode tree) {
        var objects = new ArrayList<ObjectNode>();
        if (tree.isObject()) {
            objects.add((ObjectNode) tree);
        }
        slots(tree).stream().map(Slot::value).filter(JsonNode::isObject).forEach(n -> objects.add((ObjectNode) n));
        var target = objects.get(random.nextInt(objects.size()));
        target.put("duraton", 3);
        return new Mutant(tree.toString(), "unknown field");
    }

    private ArrayNode tasks(JsonNode tree) {
        return (ArrayNode) tree.get("tasks");
    }

    private Mutant duplicateTask(JsonNode tree) {
        var tasks = tasks(tree);
        tasks.add(tasks.get(random.nextInt(tasks.size())).deepCopy());
        return new Mutant(tree.toString(), "duplicate task id");
    }

    private Mutant badReference(JsonNode tree) {
        var task = (ObjectNode) tasks(tree).get(random.nextInt(tasks(tree).size()));
        switch (random.nextInt(3)) {
            case 0 -> task.putArray("dependsOn").add("no-such-task");
            case 1 -> task.put("pool", "no-such-pool");
            default -> ((ObjectNode) tree).putArray("waves").addArray().add("no-such-task");
        }
        return new Mutant(tree.toString(), "dangling reference");
    }

    private Mutant cycle(JsonNode tree) {
        var tasks = tasks(tree);
        var first = (ObjectNode) tasks.get(0);
        var last = (ObjectNode) tasks.get(tasks.size() - 1);
        first.putArray("dependsOn").add(last.get("id").asText());
        last.putArray("dependsOn").add(first.get("id").asText());
        return new Mutant(tree.toString(), "cycle");
    }

    private Mutant deepNesting(JsonNode tree) {
        int depth = 40 + random.nextInt(2_000);
        var text = tree.toString();
        return new Mutant("{\"name\": \"deep\", \"tasks\": " + "[".repeat(depth) + "]".repeat(depth) + text.substring(text.length() - 1),
                "nesting " + depth);
    }

    private Mutant hugeString(JsonNode tree) {
        ((ObjectNode) tree).put("name", "n".repeat(50_000 + random.nextInt(100_000)));
        return new Mutant(tree.toString(), "huge name");
    }

    private Mutant controlCharacters(JsonNode tree) {
        var task = (ObjectNode) tasks(tree).get(random.nextInt(tasks(tree).size()));
        task.put("id", "bad\u0000id\u0007" + random.nextInt(100));
        return new Mutant(tree.toString(), "control characters in an id");
    }

    private Mutant wrongContainer(JsonNode tree) {
        var root = (ObjectNode) tree;
        switch (random.nextInt(3)) {
            case 0 -> root.set("tasks", root.get("tasks").get(0));
            case 1 -> root.set("pools", NODES.textNode("core"));
            default -> root.set("waves", NODES.arrayNode().add(7));
        }
        return new Mutant(tree.toString(), "wrong container");
    }

    private Mutant compound(JsonNode tree) {
        var description = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            description.append(replaceValue(tree).mutation()).append("; ");
        }
        return new Mutant(tree.toString(), description.toString());
    }
}
