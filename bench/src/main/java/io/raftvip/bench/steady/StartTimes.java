package io.raftvip.bench.steady;

/**
 * When things happened in a start-together run, in ms after the daemons were started.
 *
 * @param launchSpreadMs from starting the first daemon to starting the last
 * @param firstBindMs    the first bind of the VIP on any node
 * @param firstAnswerMs  the client's first answer
 * @param settledMs      the last bind or release after the first bind (the first bind itself when none)
 */
public record StartTimes(double launchSpreadMs, double firstBindMs, double firstAnswerMs, double settledMs) {
}
