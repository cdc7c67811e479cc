package io.raftvip.health;

import java.time.Instant;

/**
 * The outcome of the latest finished round of checks, before hysteresis.
 *
 * @param passed every check passed
 * @param at when the round finished
 * @param failing for a failed round: "check: reason" of its first failing check; empty otherwise
 */
record LatestRound(boolean passed, Instant at, String failing) {
}
