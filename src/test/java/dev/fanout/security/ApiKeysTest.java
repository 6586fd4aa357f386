package dev.fanout.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Reading {@code FANOUT_API_KEYS} and key files: each entry key=owner:role; a malformed entry is refused naming its
 * position, never the key it holds; a presented key finds its holder or nothing.
 */
class ApiKeysTest {

    private static final String SOURCE = "fanout.security.api-keys";

    @Test
    void readsEntriesOfOwnersAndRoles() {
        var keys = ApiKeys.parse("key1=alice:write,key2=alice:read, key3=bob:write", SOURCE);
        assertTrue(keys.enabled());
        assertEquals(3, keys.size());
        assertEquals(Set.of("alice", "bob"), keys.owners());
        assertEquals(Optional.of(new ApiKeys.Holder("alice", ApiKeys.Role.WRITE)), keys.holderOf("key1"));
        assertEquals(Optional.of(new ApiKeys.Holder("alice", ApiKeys.Role.READ)), keys.holderOf("key2"));
        assertEquals(Optional.of(new ApiKeys.Holder("bob", ApiKeys.Role.WRITE)), keys.holderOf("key3"));
        assertEquals(Optional.empty(), keys.holderOf("key4"));
        assertEquals(Optional.empty(), keys.holderOf(""));
        assertEquals(Optional.empty(), keys.holderOf("KEY1"), "keys are compared exactly");
    }

    @Test
    void keysMayEndInBase64Padding() {
        var keys = ApiKeys.parse("c2VjcmV0Cg===alice:read", SOURCE);
        assertEquals(Optional.of(new ApiKeys.Holder("alice", ApiKeys.Role.READ)), keys.holderOf("c2VjcmV0Cg=="));
    }

    @Test
    void readsAFileOfLinesWithCommentsAndBlankLines() {
        var keys = ApiKeys.parse("""
                # Fanout's keys
                key1=alice:write

                key2=bob:read
                """, "fanout.security.api-keys-file keys.txt");
        assertEquals(2, keys.size());
        assertEquals(Optional.of(new ApiKeys.Holder("bob", ApiKeys.Role.READ)), keys.holderOf("key2"));
    }

    @Test
    void anEntryWithoutEqualsSignIsRefusedByItsPositionNotItsKey() {
        var refused = refused("key1=alice:write,secret-key-2,key3=bob:write");
        assertEquals(SOURCE + ": entry 2 has no '=' (entries are key=owner:role)", refused);
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheRole() {
        var refused = refused("key1=alice:write,key2=bob:admin");
        assertEquals(SOURCE + ": entry 2 has the role 'admin': a role is read or write", refused);
        assertFalse(refused.contains("key2"), refused);
    }

    @Test
    void aRepeatedKeyIsRefusedNamingBothPositions() {
        var refused = refused("key1=alice:write,key2=alice:read,key1=bob:write");
        assertEquals(SOURCE + ": entry 3 repeats the key of entry 1: a key belongs to one owner with one role", refused);
    }

    @Test
    void aMalformedLineOfAFileIsNamedByItsLine() {
        var refused = assertThrows(ApiKeys.Malformed.class,
                () -> ApiKeys.parse("# keys\nkey1=alice:write\nkey2=alice\n", "fanout.security.api-keys-file keys.txt"))
                .getMessage();
        assertEquals("fanout.security.api-keys-file keys.txt: line 3 has no ':' after its '=' (entries are key=owner:role)",
                refused);
    }

    @Test
    void emptyKeysOwnersAndEntriesAreRefused() {
        assertEquals(SOURCE + ": entry 1 has an empty key", refused("=alice:write"));
        assertTrue(refused("key1=:write").startsWith(SOURCE + ": entry 1 has no owner"));
        assertTrue(refused("key1=al ice:write").startsWith(SOURCE + ": entry 1 has no owner"));
        assertEquals(SOURCE + ": entry 2 is empty (entries are key=owner:role, separated by commas)", refused("key1=alice:write,,"));
        assertTrue(refused("# nothing but a comment").contains("names no key"));
    }

    @Test
    void noMessageContainsAKey() {
        for (var text : new String[] { "hunter2", "hunter2=alice", "hunter2=alice:root", "k=alice:read,hunter2=bob:read,hunter2=bob:read" }) {
            var refused = refused(text);
            assertFalse(refused.contains("hunter2"), refused);
        }
    }

    private static String refused(String text) {
        return assertThrows(ApiKeys.Malformed.class, () -> ApiKeys.parse(text, SOURCE)).getMessage();
    }
}
