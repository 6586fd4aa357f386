/**
 * The HTTP face of Fanout (CONTRACT §4): thin JAX-RS resources that parse parameters, call one service, and pick
 * the representation (JSON, Markdown, CSV); the response records that only the API uses; and
 * {@link dev.fanout.api.ProblemMappers}, the one place that turns the service's exceptions into statuses and
 * {@code application/problem+json}. The top layer: it may use every other package, and none uses it.
 */
package dev.fanout.api;
