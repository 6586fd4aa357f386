/**
 * What-if questions about a stored plan: more or fewer agents, resized pools, named scenarios.
 * {@link dev.fanout.whatif.WhatIfRequest} is the question, {@link dev.fanout.whatif.WhatIfService} solves the
 * variants side by side and {@link dev.fanout.persistence.WhatIfStore} keeps the last {@link dev.fanout.whatif.WhatIfResult}
 * per plan; {@link dev.fanout.whatif.Knees} finds where a sweep stops paying off and
 * {@link dev.fanout.whatif.WhatIfRendering} writes the answer as Markdown and CSV. Imports plan, analysis, report,
 * config, service and persistence; used by the API and the MCP tools (mcp) only.
 */
package dev.fanout.whatif;
