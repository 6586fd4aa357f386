/**
 * A plan as users write it and as every other layer reads it. {@link dev.fanout.plan.PlanReader} binds JSON or YAML
 * strictly into a {@link dev.fanout.plan.PlanDocument} (the other formats are read in {@code formats});
 * {@link dev.fanout.plan.PlanValidator}, with one validator per part of the plan, turns it into a
 * {@link dev.fanout.plan.Plan} or refuses it with {@link dev.fanout.plan.Violation}s naming field and value.
 * {@link dev.fanout.plan.PlanVariants} makes what-if variants of a document. The bottom layer: imports no other
 * Fanout package.
 */
package dev.fanout.plan;
