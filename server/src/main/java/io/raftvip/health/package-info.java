/**
 * Local health checks and the per-node verdict built from them. Each configured check
 * ({@code http}, {@code tcp}, {@code exec}) runs once per round with a timeout; a round passes
 * when every check passes; {@code fall}/{@code rise} hysteresis turns rounds into a status
 * ({@link io.raftvip.health.HealthStatus}); a {@link io.raftvip.health.HealthMonitor} runs the
 * rounds on its own threads and reports each change of status to a listener.
 *
 * <p>What this package does not do: share the verdict with other members or move the VIP. The
 * daemon replicates each {@link io.raftvip.health.HealthState} through Raft and the ownership
 * controller decides on it. A check never throws and never blocks its caller much past its
 * timeout, so a broken API server or a hung script cannot stall anything but its own check.
 */
package io.raftvip.health;
