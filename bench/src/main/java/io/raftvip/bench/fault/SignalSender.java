package io.raftvip.bench.fault;

/** Sends a signal to a process: kill(2), or a recording fake in tests. */
public interface SignalSender {

    /**
     * Sends {@code signal} to process {@code pid}.
     *
     * @return 0 when sent, otherwise the errno (e.g. 3, ESRCH: the process is gone)
     */
    int send(long pid, int signal);
}
