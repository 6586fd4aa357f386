/**
 * Who may use the service (CONTRACT §9, README "Security"). {@link dev.fanout.security.ApiKeys} holds the configured
 * keys (hashed), each of an owner with the role read or write; {@link dev.fanout.security.ApiKeyMechanism} and
 * {@link dev.fanout.security.ApiKeyIdentityProvider} turn a request's {@code Authorization: Bearer} key into a Quarkus
 * security identity, which the HTTP permissions of {@code application.properties} and {@code @RolesAllowed} check;
 * {@link dev.fanout.security.Caller} tells {@code service.PlanCatalog} whose plans the caller sees. Without keys the
 * service listens on the loopback interface only ({@link dev.fanout.security.LoopbackByDefault}). Used by the service
 * layer (the caller's owner) and the MCP tools (roles); uses config only.
 */
package dev.fanout.security;
