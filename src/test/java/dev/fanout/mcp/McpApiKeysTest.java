package dev.fanout.mcp;

import static dev.fanout.mcp.McpServerTest.planId;
import static dev.fanout.mcp.McpServerTest.text;
import static dev.fanout.security.WithApiKeys.ALICE;
import static dev.fanout.security.WithApiKeys.ALICE_READ;
import static dev.fanout.security.WithApiKeys.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fanout.security.WithApiKeys;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The MCP server with API keys configured ({@link WithApiKeys}): a client without a key, or with a wrong one, cannot
 * connect; bob's tools find none of alice's plans; alice's read key reads her reports but may not store, solve,
 * compare or update a plan (the MCP server's security error, -32001, the MCP counterpart of a 403).
 */
@QuarkusTest
@TestProfile(WithApiKeys.class)
class McpApiKeysTest {

    @TestHTTPResource("/")
    URL root;

    private McpSyncClient connect(String key) {
        var request = HttpRequest.newBuilder();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        var transport = HttpClientStreamableHttpTransport.builder(root.toString()).endpoint("/mcp").requestBuilder(request).build();
        var client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    @Test
    void aClientWithoutAKeyOrWithAWrongOneCannotConnect() {
        assertThrows(RuntimeException.class, () -> connect(null).closeGracefully());
        assertThrows(RuntimeException.class, () -> connect(ALICE + "x").closeGracefully());
        assertThrows(RuntimeException.class, () -> connect("not-a-key").closeGracefully());
    }

    @Test
    void eachOwnerSeesOnlyItsOwnPlans() {
        var alice = connect(ALICE);
        var bob = connect(BOB);
        try {
            var id = planId(text(alice.callTool(new McpSchema.CallToolRequest("solve_plan", Map.of("plan", McpServerTest.CHAIN)))));
            assertTrue(text(alice.callTool(new McpSchema.CallToolRequest("get_report", Map.of("planId", id)))).startsWith("# chain"));
            for (var call : new McpSchema.CallToolRequest[] {
                    new McpSchema.CallToolRequest("get_report", Map.of("planId", id)),
                    new McpSchema.CallToolRequest("explain_task", Map.of("planId", id, "taskId", "B")),
                    new McpSchema.CallToolRequest("what_if", Map.of("planId", id, "agentCounts", java.util.List.of(1, 2))),
                    new McpSchema.CallToolRequest("update_progress", Map.of("planId", id, "update", "{\"now\": 1}")) }) {
                var result = bob.callTool(call);
                assertEquals(Boolean.TRUE, result.isError(), call.name());
                assertEquals("Plan not found: no plan has id '" + id + "'", text(result), call.name());
            }
        } finally {
            alice.closeGracefully();
            bob.closeGracefully();
        }
    }

    @Test
    void aReadKeyReadsButChangesNothing() {
        var alice = connect(ALICE);
        var reader = connect(ALICE_READ);
        try {
            var id = planId(text(alice.callTool(new McpSchema.CallToolRequest("solve_plan", Map.of("plan", McpServerTest.CHAIN)))));
            assertTrue(text(reader.callTool(new McpSchema.CallToolRequest("get_report", Map.of("planId", id)))).startsWith("# chain"));
            for (var call : new McpSchema.CallToolRequest[] {
                    new McpSchema.CallToolRequest("solve_plan", Map.of("plan", McpServerTest.CHAIN)),
                    new McpSchema.CallToolRequest("what_if", Map.of("planId", id, "agentCounts", java.util.List.of(1, 2))),
                    new McpSchema.CallToolRequest("update_progress", Map.of("planId", id, "update", "{\"now\": 1}")) }) {
                // @RolesAllowed("write") refuses before the tool runs: the MCP server's security error, not a tool error.
                var refused = assertThrows(McpError.class, () -> reader.callTool(call), call.name());
                assertEquals(JsonRpcErrorCodes.SECURITY_ERROR, refused.getJsonRpcError().code(), call.name());
            }
        } finally {
            alice.closeGracefully();
            reader.closeGracefully();
        }
    }
}
