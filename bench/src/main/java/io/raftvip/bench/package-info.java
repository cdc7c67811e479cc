/**
 * Failover and steadiness benchmark, timing trade-offs and demo: raftvip side by side with
 * keepalived in network namespaces. {@link io.raftvip.bench.FailoverBench} is the entry point.
 */
package io.raftvip.bench;
