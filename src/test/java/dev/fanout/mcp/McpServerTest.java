package dev.fanout.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The MCP server at {@code /mcp}, through a real MCP client (the MCP Java SDK over Streamable HTTP): initialize, the
 * five tools and their schemas, each tool called on a plan whose figures are worked out by hand, and refusals as tool
 * errors with the API's field messages.
 */
@QuarkusTest
class McpServerTest {

    /** A (2 days) then B (1 day) on one agent: makespan 3 = the critical path, so proven optimal. */
    static final String CHAIN = """
            {"name": "chain", "agents": [{"id": "dev"}],
             "tasks": [{"id": "A", "duration": 2}, {"id": "B", "duration": 1, "dependsOn": ["A"]}]}""";

    private static final Pattern PLAN_ID = Pattern.compile("Plan id: (\\S+)");

    @TestHTTPResource("/")
    URL root;

    McpSyncClient client;

    @BeforeEach
    void connect() {
        var transport = HttpClientStreamableHttpTransport.builder(root.toString()).endpoint("/mcp").build();
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        var initialized = client.initialize();
        assertTrue(initialized.capabilities().tools() != null, "the server offers tools");
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    @Test
    void listsTheFiveToolsEachArgumentDescribed() {
        var tools = client.listTools().tools().stream().collect(Collectors.toMap(McpSchema.Tool::name, tool -> tool));
        assertEquals(List.of("explain_task", "get_report", "solve_plan", "update_progress", "what_if"),
                tools.keySet().stream().sorted().toList());
        assertEquals(Map.of("solve_plan", List.of("plan"), "what_if", List.of("planId"),
                "explain_task", List.of("planId", "taskId"), "get_report", List.of("planId"),
                "update_progress", List.of("planId", "update")),
                tools.values().stream().collect(Collectors.toMap(McpSchema.Tool::name,
                        tool -> required(tool).stream().sorted().toList())));
        assertEquals(List.of("agents", "format", "plan", "seconds"),
                properties(tools.get("solve_plan")).keySet().stream().sorted().toList());
        assertEquals(List.of("agentCounts", "maxConcurrent", "planId", "secondsPerScenario"),
                properties(tools.get("what_if")).keySet().stream().sorted().toList());
        for (var tool : tools.values()) {
            assertFalse(tool.description().isBlank(), tool.name());
            properties(tool).forEach((name, schema) -> {
                var description = ((Map<?, ?>) schema).get("description");
                assertTrue(description instanceof String text && !text.isBlank(), tool.name() + "." + name + " is described");
            });
        }
        assertEquals("array", ((Map<?, ?>) properties(tools.get("what_if")).get("agentCounts")).get("type"));
    }

    @Test
    void solvesAPlanAndAnswersItsFigures() {
        var text = call("solve_plan", Map.of("plan", CHAIN));
        assertTrue(text.contains("Makespan 3 days (sequential 3 days); lower bound 3 days; proven optimal"), text);
        var id = planId(text);
        assertTrue(text.contains("Report: /api/plans/" + id + "/report"), text);
    }

    @Test
    void solvesASpecKitTasksFile() {
        var tasks = """
                # Tasks

                ## Phase 1: Setup
                - [ ] T001 Create the project [2d]
                - [ ] T002 [P] Write the docs [1d]
                - [ ] T003 [P] Add the CI [1d]
                """;
        var text = call("solve_plan", Map.of("plan", tasks, "format", "spec-kit", "agents", 2));
        assertTrue(text.contains("3 tasks on 2 agents"), text);
    }

    @Test
    void explainsWhyATaskStartsWhenItDoes() {
        var id = planId(call("solve_plan", Map.of("plan", CHAIN)));
        var text = call("explain_task", Map.of("planId", id, "taskId", "B"));
        assertTrue(text.startsWith("B (on dev, 2–3 days): "), text);
        assertTrue(text.contains("A"), text);
        var wrong = callForError("explain_task", Map.of("planId", id, "taskId", "b"));
        assertTrue(wrong.contains("taskId = b: is not a task of plan '" + id + "' (did you mean 'B'?)"), wrong);
    }

    @Test
    void answersTheMarkdownReport() {
        var id = planId(call("solve_plan", Map.of("plan", CHAIN)));
        var report = call("get_report", Map.of("planId", id));
        assertTrue(report.startsWith("# chain"), report);
        assertTrue(report.contains("**proven optimal**"), report);
    }

    @Test
    void comparesAgentCountsWithTheirKnee() {
        var id = planId(call("solve_plan", Map.of("plan", """
                {"name": "pair", "agents": [{"id": "dev"}],
                 "tasks": [{"id": "A", "duration": 2}, {"id": "B", "duration": 2}, {"id": "C", "duration": 1, "dependsOn": ["A"]}]}""")));
        // One agent: 2 + 2 + 1 = 5. Two: A then C on one (3), B on the other: 3, the critical path. Three: still 3.
        var text = call("what_if", Map.of("planId", id, "agentCounts", List.of(1, 2, 3), "secondsPerScenario", 1));
        assertTrue(text.contains("1 | 5 | 1×"), text);
        assertTrue(text.contains("2 | 3 | 1.67×"), text);
        assertTrue(text.contains("3 | 3 | 1.67×"), text);
        assertTrue(text.contains("Knee of agents: 2"), text);
        var both = callForError("what_if", Map.of("planId", id, "agentCounts", List.of(1), "maxConcurrent", List.of(1)));
        assertTrue(both.contains("give exactly one of agentCounts, pools, scenarios, maxConcurrent or fewestAgents (2 given)"), both);
    }

    @Test
    void updatesProgressAsANewVersion() {
        var id = planId(call("solve_plan", Map.of("plan", CHAIN)));
        var text = call("update_progress", Map.of("planId", id, "update", "{\"now\": 2, \"tasks\": {\"A\": {\"status\": \"done\"}}}"));
        assertTrue(text.startsWith("Plan " + id + " is now at version 2 (now = 2)"), text);
        var wrong = callForError("update_progress", Map.of("planId", id, "update", "{\"now\": -1}"));
        assertTrue(wrong.contains("now = -1: must not go back before the current version's now (2)"), wrong);
    }

    @Test
    void refusesAnInvalidPlanAsAToolErrorNamingTheField() {
        var text = callForError("solve_plan", Map.of("plan", """
                {"agents": [{"id": "dev"}], "tasks": [{"id": "A", "duration": -1}]}"""));
        assertTrue(text.contains("tasks[0].duration = -1: must be a number ≥ 0"), text);
        var format = callForError("solve_plan", Map.of("plan", CHAIN, "format", "xlsx"));
        assertTrue(format.startsWith("Invalid argument: format = xlsx"), format);
    }

    @Test
    void refusesAMissingOrMistypedArgumentAsAToolError() {
        var text = callForError("explain_task", Map.of("planId", "nope"));
        assertEquals("Missing required argument: taskId", text);
        var wrongType = callForError("solve_plan", Map.of("plan", CHAIN, "agents", "two"));
        assertTrue(wrongType.startsWith("Invalid argument [agents]"), wrongType);
    }

    @Test
    void refusesAnUnknownPlanAsAToolError() {
        var text = callForError("get_report", Map.of("planId", "nope"));
        assertEquals("Plan not found: no plan has id 'nope'", text);
    }

    /** The API's refusal of unknown query parameters ({@code api.KnownParameters}) is for its resources, not /mcp. */
    @Test
    void aQueryParameterOnTheEndpointIsNotRefused() {
        given().contentType("application/json").accept("application/json, text/event-stream")
                .body("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": {\"protocolVersion\": "
                        + "\"2025-06-18\", \"capabilities\": {}, \"clientInfo\": {\"name\": \"test\", \"version\": \"1\"}}}")
                .post("/mcp?client=test")
                .then().statusCode(200).body(containsString("\"serverInfo\""));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(McpSchema.Tool tool) {
        return (Map<String, Object>) tool.inputSchema().get("properties");
    }

    @SuppressWarnings("unchecked")
    private static List<String> required(McpSchema.Tool tool) {
        return (List<String>) tool.inputSchema().getOrDefault("required", List.of());
    }

    private String call(String tool, Map<String, Object> arguments) {
        return answer(tool, arguments, false);
    }

    private String callForError(String tool, Map<String, Object> arguments) {
        return answer(tool, arguments, true);
    }

    /** The tool's text, once it has failed (a tool error) or not as expected. */
    private String answer(String tool, Map<String, Object> arguments, boolean error) {
        var result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        var text = text(result);
        assertEquals(error, Boolean.TRUE.equals(result.isError()),
                () -> tool + (error ? " should have failed: " : " failed: ") + text);
        return text;
    }

    /** A tool result's text (also read by the tests with API keys). */
    static String text(McpSchema.CallToolResult result) {
        return result.content().stream().map(content -> ((McpSchema.TextContent) content).text())
                .collect(Collectors.joining("\n"));
    }

    /** The plan id a solve_plan answer names. */
    static String planId(String solved) {
        var matcher = PLAN_ID.matcher(solved);
        assertTrue(matcher.find(), solved);
        return matcher.group(1);
    }
}
