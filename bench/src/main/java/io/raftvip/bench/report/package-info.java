/**
 * Statistics, the Markdown/JSON report (failover table, Steadiness section, idle footprint), the
 * timing trade-off table and the timeline pictures.
 */
package io.raftvip.bench.report;
