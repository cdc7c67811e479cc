package io.raftvip.bench.fault;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import io.raftvip.bench.probe.WallClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a daemon's processes with SIGSTOP and resumes them with SIGCONT after a set time, as a
 * GC pause, a stalled fsync or VM steal would freeze it. The duration is kept to well under a
 * millisecond: the thread runs at real-time priority for the stall, parks until shortly before
 * the deadline and spins the rest, since a plain sleep can overshoot by a scheduler tick, which
 * matters for 50 ms stalls. The processes are probed with signal 0 first, which also warms up the
 * native call so that the first SIGSTOP is not slowed by linking. What was actually done is
 * measured and returned, never assumed. SIGCONT is sent even when the wait is interrupted.
 */
public final class ProcessFreezer {

    /** SIGSTOP on Linux (x86, arm). */
    public static final int SIGSTOP = 19;
    /** SIGCONT on Linux (x86, arm). */
    public static final int SIGCONT = 18;
    private static final Logger LOG = LoggerFactory.getLogger(ProcessFreezer.class);
    private static final long SPIN_NANOS = 2_000_000;

    private final SignalSender signals;
    private final RealtimePriority priority;
    private final WallClock clock;

    /**
     * @param signals  sends the signals
     * @param priority raises the stalling thread for the stall's duration
     * @param clock    wall clock shared with the watchers, to stamp each stall
     */
    public ProcessFreezer(SignalSender signals, RealtimePriority priority, WallClock clock) {
        this.signals = signals;
        this.priority = priority;
        this.clock = clock;
    }

    /**
     * Stops {@code pids} (all processes of one daemon instance, in the order given), waits
     * {@code nominalMicros} from the first SIGSTOP, and resumes them.
     *
     * @param node node id, for the record
     * @return the stall as done
     */
    public Stall freeze(String node, List<Long> pids, long nominalMicros) {
        for (long pid : pids) {
            signals.send(pid, 0);
        }
        boolean raised = priority.raise();
        try {
            long at = clock.micros();
            long stopSent = System.nanoTime();
            int stopped = signalAll(node, pids, SIGSTOP);
            long stopDone = System.nanoTime();
            long contSent;
            try {
                if (stopped > 0) {
                    waitUntil(stopSent + nominalMicros * 1_000);
                }
            } finally {
                contSent = System.nanoTime();
                signalAll(node, pids, SIGCONT);
            }
            long contDone = System.nanoTime();
            return new Stall(node, at, nominalMicros, (contSent - stopSent) / 1_000,
                    (stopDone - stopSent + contDone - contSent) / 1_000, pids.size(), stopped);
        } finally {
            if (raised) {
                priority.restore();
            }
        }
    }

    private int signalAll(String node, List<Long> pids, int signal) {
        int sent = 0;
        for (long pid : pids) {
            int errno = signals.send(pid, signal);
            if (errno == 0) {
                sent++;
            } else {
                LOG.warn("{}: kill({}, {}): errno {}", node, pid, signal == SIGSTOP ? "SIGSTOP" : "SIGCONT", errno);
            }
        }
        return sent;
    }

    /** Parks until shortly before {@code deadline} (System.nanoTime), then spins; ignores interrupts. */
    static void waitUntil(long deadline) {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
