package io.raftvip.bench.fault;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill(2) and sched_setscheduler(2) through jnr-ffi. Java can send only SIGTERM and SIGKILL, and
 * running {@code kill -STOP} as a command would put a fork and exec (milliseconds, and jittery)
 * between the two signals of a 50 ms stall; a direct system call takes microseconds.
 */
public final class NativeSignals implements SignalSender, RealtimePriority {

    /** The libc calls used (bound by jnr-ffi). */
    public interface Libc {
        /** kill(2); @return 0 or -1 with errno set */
        int kill(int pid, int signal);

        /** sched_setscheduler(2) on the calling thread (pid 0); @return 0 or -1 with errno set */
        int sched_setscheduler(int pid, int policy, int[] param);
    }

    private static final Logger LOG = LoggerFactory.getLogger(NativeSignals.class);
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;
    /** Above the kernel's default threaded IRQ handlers (50) is not needed: nothing else here is real-time. */
    private static final int PRIORITY = 10;
    private boolean warned;

    private final Libc libc;
    private final Runtime runtime;

    /** Loads libc. */
    public NativeSignals() {
        this.libc = LibraryLoader.create(Libc.class).load("c");
        this.runtime = Runtime.getRuntime(libc);
    }

    @Override
    public int send(long pid, int signal) {
        return libc.kill(Math.toIntExact(pid), signal) == 0 ? 0 : runtime.getLastError();
    }

    @Override
    public boolean raise() {
        if (libc.sched_setscheduler(0, SCHED_FIFO, new int[] {PRIORITY}) == 0) {
            return true;
        }
        if (!warned) {
            warned = true;
            LOG.warn("sched_setscheduler(SCHED_FIFO {}): errno {}; stalls are timed at normal priority (still "
                    + "measured)", PRIORITY, runtime.getLastError());
        }
        return false;
    }

    @Override
    public void restore() {
        libc.sched_setscheduler(0, SCHED_OTHER, new int[] {0});
    }
}
