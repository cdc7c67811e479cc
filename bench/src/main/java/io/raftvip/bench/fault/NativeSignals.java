package io.raftvip.bench.fault;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * kill(2) through jnr-ffi. Java can send only SIGTERM and SIGKILL, and running {@code kill -STOP}
 * as a command would put a fork and exec (milliseconds, and jittery) between the two signals of a
 * 50 ms stall; a direct system call takes microseconds.
 */
public final class NativeSignals implements SignalSender {

    /** The libc call used (bound by jnr-ffi). */
    public interface Libc {
        /** kill(2); @return 0 or -1 with errno set */
        int kill(int pid, int signal);
    }

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
}
