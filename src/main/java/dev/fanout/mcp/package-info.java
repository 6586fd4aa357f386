/**
 * Fanout as an MCP server for coding agents (CONTRACT §8): {@link dev.fanout.mcp.PlanningTools} are thin tools at
 * {@code /mcp} (Streamable HTTP, the Quarkus MCP server extension) that call one service each, as the REST resources
 * do, and answer in short text; {@link dev.fanout.mcp.ToolErrors} turns what the services say went wrong into tool
 * errors carrying the same messages as the API's problem details. Beside {@code api} at the top: it may use every
 * layer below it (whatif, service, report, plan), and nothing uses it.
 */
package dev.fanout.mcp;
