/**
 * Prometheus metrics: {@link io.raftvip.metrics.RaftvipMetrics} owns the {@code raftvip_*} series
 * (VIP ownership, Raft term and leadership, failovers, announcements, member reachability, quorum,
 * build info) plus the JVM's, in a registry of its own; {@link io.raftvip.metrics.MetricsServer}
 * serves them over HTTP on {@code metrics.listen}.
 */
package io.raftvip.metrics;
