/**
 * The steadiness scenarios (stall, load, start-together, crash and partition under load): the
 * VIP should stay where it is while the owner is briefly frozen or the host is busy. Each one
 * watches a window and reports releases, binds, ownership moves, client gaps, two owners at once
 * and raftvip's lease losses (scraped from its metrics).
 */
package io.raftvip.bench.steady;
