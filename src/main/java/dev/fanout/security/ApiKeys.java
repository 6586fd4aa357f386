package dev.fanout.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API keys the service accepts, each belonging to an owner with a role. Only the keys' SHA-256 hashes are kept,
 * and a presented key is compared with every one of them in constant time ({@link MessageDigest#isEqual}), so neither
 * the memory nor the time an answer takes tells anything about a key. No message of this class ever contains a key:
 * a malformed entry is named by its position.
 */
public final class ApiKeys {

    /** What a key may do: read plans, or also change them (every POST, PUT, PATCH and DELETE). */
    public enum Role {
        READ, WRITE;

        /** The role's name in a key entry and in {@code @RolesAllowed}: read, write. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whom a key belongs to, and what it may do. */
    public record Holder(String owner, Role role) {
    }

    /** A key entry that cannot be used: start-up stops with this message, which names where the entry is, not it. */
    public static final class Malformed extends RuntimeException {
        public Malformed(String message) {
            super(message);
        }
    }

    /** {@code where}: the entry's position, to name it in a later entry's error. */
    private record Entry(byte[] hash, Holder holder, String where) {
    }

    /** No keys: the service is open to whoever reaches it, which is why it then listens on this machine only. */
    public static final ApiKeys NONE = new ApiKeys(List.of());

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads {@code key=owner:role} entries separated by commas or new lines; blank lines and lines starting with
     * {@code #} are skipped. {@code source} says where they come from in error messages (a config key or a file).
     *
     * @throws Malformed naming the entry's line and position, never its text
     */
    public static ApiKeys parse(String text, String source) {
        var entries = new ArrayList<Entry>();
        var lines = text.split("\\R", -1);
        boolean multiline = lines.length > 1;
        for (int line = 0; line < lines.length; line++) {
            if (lines[line].isBlank() || lines[line].strip().startsWith("#")) {
                continue;
            }
            var parts = lines[line].split(",", -1);
            for (int part = 0; part < parts.length; part++) {
                var where = source + ": " + (multiline ? "line " + (line + 1) + (parts.length > 1 ? ", entry " + (part + 1) : "")
                        : "entry " + (part + 1));
                entries.add(entry(parts[part].strip(), where, entries));
            }
        }
        if (entries.isEmpty()) {
            throw new Malformed(source + " names no key (entries are key=owner:role, role read or write)");
        }
        return new ApiKeys(entries);
    }

    private static Entry entry(String text, String where, List<Entry> earlier) {
        if (text.isEmpty()) {
            throw new Malformed(where + " is empty (entries are key=owner:role, separated by commas)");
        }
        // The last '=' and ':': a key may end in base64's '=' padding; owners and roles hold neither.
        int equals = text.lastIndexOf('=');
        if (equals < 0) {
            throw new Malformed(where + " has no '=' (entries are key=owner:role)");
        }
        var key = text.substring(0, equals).strip();
        var holder = text.substring(equals + 1).strip();
        int colon = holder.lastIndexOf(':');
        if (key.isEmpty()) {
            throw new Malformed(where + " has an empty key");
        }
        if (colon < 0) {
            throw new Malformed(where + " has no ':' after its '=' (entries are key=owner:role)");
        }
        var owner = holder.substring(0, colon).strip();
        var role = holder.substring(colon + 1).strip();
        if (owner.isEmpty() || owner.chars().anyMatch(Character::isWhitespace)) {
            throw new Malformed(where + " has no owner before its role, or one with spaces: '" + owner + "'");
        }
        var hash = sha256(key);
        for (var entry : earlier) {
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                throw new Malformed(where + " repeats the key of " + entry.where().substring(entry.where().indexOf(": ") + 2)
                        + ": a key belongs to one owner with one role");
            }
        }
        return new Entry(hash, new Holder(owner, role(role, where)), where);
    }

    private static Role role(String role, String where) {
        for (var known : Role.values()) {
            if (known.label().equals(role)) {
                return known;
            }
        }
        throw new Malformed(where + " has the role '" + role + "': a role is read or write");
    }

    /** False when no key is configured: then every caller may do everything. */
    public boolean enabled() {
        return !entries.isEmpty();
    }

    /** The holder of a presented key; empty when no configured key is this one. Takes the same time either way. */
    public Optional<Holder> holderOf(String presented) {
        var hash = sha256(presented);
        Holder found = null;
        for (var entry : entries) {
            // No early exit: every key is compared, whichever matches.
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                found = entry.holder();
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return entries.size();
    }

    /** The owners keys belong to, sorted: for the start-up log, which names them but no key. */
    public Set<String> owners() {
        var owners = new TreeSet<String>();
        entries.forEach(entry -> owners.add(entry.holder().owner()));
        return owners;
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
