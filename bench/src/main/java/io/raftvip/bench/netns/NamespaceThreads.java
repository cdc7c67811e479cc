package io.raftvip.bench.netns;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Starts threads that live in a named network namespace: each thread calls {@code setns(2)} on
 * {@code /run/netns/NAME} before running its task. setns with CLONE_NEWNET changes only the
 * calling thread, and sockets are bound to the namespace of the thread that creates them, so
 * responders and probes can run inside one JVM.
 */
public final class NamespaceThreads {

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final Map<Integer, String> ERRNO_NAMES =
            Map.of(1, "EPERM", 2, "ENOENT", 9, "EBADF", 22, "EINVAL", 12, "ENOMEM", 13, "EACCES");

    private final LibC libc;
    private final Runtime runtime;

    /** Loads libc through jnr-ffi. */
    public NamespaceThreads() {
        this.libc = LibraryLoader.create(LibC.class).load("c");
        this.runtime = Runtime.getRuntime(libc);
    }

    /**
     * Starts a daemon thread that enters {@code netns} and then runs {@code task}; returns once the
     * thread is inside the namespace (or throws if it could not get there).
     */
    public Thread start(String netns, String threadName, Runnable task) {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                enter(netns);
            } catch (RuntimeException e) {
                failure.set(e);
                return;
            } finally {
                entered.countDown();
            }
            task.run();
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            if (!entered.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("setns into " + netns + ": thread did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("setns into " + netns + ": interrupted", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return thread;
    }

    /** Moves the calling thread into {@code netns}. */
    private void enter(String netns) {
        String path = "/run/netns/" + netns;
        int fd = libc.open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            throw nativeError("open(" + path + ", O_RDONLY|O_CLOEXEC)");
        }
        try {
            if (libc.setns(fd, CLONE_NEWNET) != 0) {
                throw nativeError("setns(" + path + ", CLONE_NEWNET)");
            }
        } finally {
            libc.close(fd);
        }
    }

    private IllegalStateException nativeError(String call) {
        int errno = runtime.getLastError();
        return new IllegalStateException(call + ": " + ERRNO_NAMES.getOrDefault(errno, "errno " + errno)
                + " (" + libc.strerror(errno) + ")");
    }
}
