package dev.fanout.mcp;

import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.fanout.formats.UnknownFormat;
import dev.fanout.formats.UnsupportedPlanFormat;
import dev.fanout.plan.PlanRejectedException;
import dev.fanout.plan.Violation;
import dev.fanout.service.InvalidParameter;
import dev.fanout.service.NotSolvedYet;
import dev.fanout.service.Overloaded;
import dev.fanout.service.PlanNotFound;
import dev.fanout.service.PlanStateException;
import dev.fanout.service.VersionConflict;
import io.quarkiverse.mcp.server.ToolCallException;

/**
 * What the services say went wrong, as a tool error ({@code isError: true}) a coding agent can act on: the same words
 * as the API's problem details (every refused field named with its value, one per line), never a protocol error.
 * The MCP counterpart of {@code api.ProblemMappers}.
 */
final class ToolErrors {

    private static final Logger LOG = Logger.getLogger(ToolErrors.class);

    private ToolErrors() {
    }

    /** Runs a tool's work; a refusal becomes a tool error. */
    static String answer(String tool, Supplier<String> work) {
        try {
            return work.get();
        } catch (PlanRejectedException e) {
            var text = new StringBuilder("Invalid plan:");
            for (Violation violation : e.violations()) {
                text.append("\n- ").append(violation.describe());
            }
            throw new ToolCallException(text.toString());
        } catch (PlanNotFound e) {
            throw new ToolCallException("Plan not found: " + e.getMessage());
        } catch (VersionConflict e) {
            throw new ToolCallException("Version conflict: " + e.getMessage() + "; the current version is " + e.current());
        } catch (NotSolvedYet e) {
            throw new ToolCallException(e.getMessage() + ": POST /api/plans/" + e.planId() + "/solve first");
        } catch (PlanStateException e) {
            throw new ToolCallException(e.getMessage());
        } catch (InvalidParameter | UnknownFormat | UnsupportedPlanFormat e) {
            throw new ToolCallException("Invalid argument: " + e.getMessage());
        } catch (Overloaded e) {
            throw new ToolCallException("Too many solves: " + e.getMessage() + "; try again in " + e.retryAfterSeconds() + " s");
        } catch (ToolCallException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected failure in MCP tool %s", tool);
            throw new ToolCallException("the service failed unexpectedly; the failure is logged");
        }
    }
}
