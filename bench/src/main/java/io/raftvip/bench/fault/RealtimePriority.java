package io.raftvip.bench.fault;

/**
 * Raises the calling thread to a real-time priority for the few hundred milliseconds of a stall
 * and drops it again, so that SIGCONT goes out on time even when the host is busy: a normal thread
 * that is runnable may wait for a CPU for milliseconds, which would lengthen a 50 ms stall
 * noticeably. The stall is measured either way; this only makes it closer to what was asked.
 */
public interface RealtimePriority {

    /** @return whether the calling thread now runs at real-time priority */
    boolean raise();

    /** Puts the calling thread back to normal scheduling. */
    void restore();

    /** Leaves the scheduling alone (tests, or where real-time scheduling is not allowed). */
    RealtimePriority NONE = new RealtimePriority() {
        @Override
        public boolean raise() {
            return false;
        }

        @Override
        public void restore() {
        }
    };
}
