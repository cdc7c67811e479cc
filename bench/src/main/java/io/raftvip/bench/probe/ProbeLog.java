package io.raftvip.bench.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every probe of a session by sequence number: when it was sent and which node answered.
 * An answer counts only if it arrived within {@link #ANSWER_TIMEOUT_MICROS} of the send, as for a
 * client with that timeout. Why it matters: while the VIP's ARP is unresolved the kernel parks
 * the first probes of each resolution attempt and delivers them when an owner appears; their
 * answers arrive seconds late and would otherwise paint the outage as answered.
 * Written by the sender and receiver threads, read by the scenarios; a few hundred probes a
 * second make a plain lock cheap enough.
 */
public final class ProbeLog {

    /** How late an answer may arrive and still count. */
    public static final long ANSWER_TIMEOUT_MICROS = 200_000;

    private long[] sent = new long[1 << 16];
    private byte[] node = new byte[1 << 16];
    private long[] answered = new long[1 << 16];
    private int count;

    /** Creates an empty log. */
    public ProbeLog() {
    }

    /** Records a probe about to be sent; @return its sequence number */
    public synchronized int recordSend(long micros) {
        if (count == sent.length) {
            sent = Arrays.copyOf(sent, count * 2);
            node = Arrays.copyOf(node, count * 2);
            answered = Arrays.copyOf(answered, count * 2);
        }
        sent[count] = micros;
        node[count] = (byte) Probe.LOST;
        return count++;
    }

    /**
     * Records the first answer to probe {@code seq} from node {@code nodeIndex}, received at
     * {@code receivedMicros}; duplicates and answers later than the timeout are ignored.
     */
    public synchronized void recordAnswer(int seq, int nodeIndex, long receivedMicros) {
        if (seq >= 0 && seq < count && node[seq] == Probe.LOST
                && receivedMicros - sent[seq] <= ANSWER_TIMEOUT_MICROS) {
            node[seq] = (byte) nodeIndex;
            answered[seq] = receivedMicros;
        }
    }

    /** @return the probes sent in {@code [fromMicros, toMicros)}, in order */
    public synchronized List<Probe> between(long fromMicros, long toMicros) {
        int first = Arrays.binarySearch(sent, 0, count, fromMicros);
        first = first < 0 ? -first - 1 : first;
        List<Probe> out = new ArrayList<>();
        for (int i = first; i < count && sent[i] < toMicros; i++) {
            out.add(new Probe(sent[i], node[i], answered[i]));
        }
        return out;
    }

    /**
     * Which single node answered every probe sent in {@code [fromMicros, toMicros)}, if any.
     *
     * @return that node's index, or {@link Probe#LOST} if some probe was lost, two nodes
     *         answered, or no probe was sent in the window
     */
    public int steadyAnswerer(long fromMicros, long toMicros) {
        List<Probe> window = between(fromMicros, toMicros);
        if (window.isEmpty()) {
            return Probe.LOST;
        }
        int who = window.get(0).node();
        for (Probe p : window) {
            if (p.node() != who) {
                return Probe.LOST;
            }
        }
        return who;
    }
}
