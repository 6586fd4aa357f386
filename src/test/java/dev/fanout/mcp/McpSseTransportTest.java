package dev.fanout.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the README says of {@code /mcp/sse}: the MCP extension (quarkus-mcp-server-http 1.10.0) also serves the older
 * HTTP+SSE transport (protocol 2024-11-05) there, and has no setting that turns it off. Its first event names the
 * endpoint a client then posts its messages to. When this fails, the extension has changed: the README's MCP section
 * says what to update.
 */
@QuarkusTest
class McpSseTransportTest {

    @TestHTTPResource("/mcp/sse")
    URI sse;

    @Test
    void theOlderSseTransportIsServedBesideStreamableHttp() throws Exception {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var request = HttpRequest.newBuilder(sse).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30))
                .GET().build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        // The stream stays open for the server's events: read the first one, then hang up.
        try (var body = response.body();
                var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                    response.headers().toString());
            assertEquals("event: endpoint", lines.readLine());
            var data = lines.readLine();
            assertTrue(data.startsWith("data: /mcp/messages/"), data);
        }
    }
}
