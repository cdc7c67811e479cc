package io.raftvip.bench.fault;

/**
 * One stall as it was actually done: which node's daemon was stopped, when, for how long it was
 * meant to be and for how long it was.
 *
 * @param node            node id of the stopped daemon
 * @param atMicros        wall clock just before the first SIGSTOP (epoch µs), to line up with the watchers
 * @param nominalMicros   the stall asked for
 * @param measuredMicros  from the first SIGSTOP sent to the first SIGCONT sent (monotonic clock)
 * @param signallingMicros time the SIGSTOP batch plus the SIGCONT batch took to send (several processes
 *                        of one instance are not stopped in the same instant; this says how far apart)
 * @param processes       processes of the instance signalled
 * @param stopped         of those, how many the SIGSTOP reached (0: the stall did not happen)
 */
public record Stall(String node, long atMicros, long nominalMicros, long measuredMicros, long signallingMicros,
                    int processes, int stopped) {

    /** @return whether every process of the instance was stopped */
    public boolean done() {
        return processes > 0 && stopped == processes;
    }
}
