/** The failover scenarios (crash, graceful, partition, cold start): trigger, observe, measure, restore. */
package io.raftvip.bench.scenario;
