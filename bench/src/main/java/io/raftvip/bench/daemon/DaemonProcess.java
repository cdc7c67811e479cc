package io.raftvip.bench.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import io.raftvip.bench.lab.LabException;
import io.raftvip.bench.lab.LabNode;

/**
 * One daemon started with {@code ip netns exec NS ...}: the process tree (launcher, JVM or
 * keepalived parent and VRRP child), how to crash it, stop it gracefully and find the processes
 * whose footprint counts.
 */
public final class DaemonProcess {

    private final LabNode node;
    private final Process process;
    private final Path logFile;
    private final List<String> daemonCommands;

    /**
     * @param node           where it runs
     * @param process        the {@code ip netns exec} process (which execs the daemon)
     * @param logFile        where its output goes
     * @param daemonCommands executable names that are "the daemon" (e.g. {@code java}), not launchers
     */
    DaemonProcess(LabNode node, Process process, Path logFile, List<String> daemonCommands) {
        this.node = node;
        this.process = process;
        this.logFile = logFile;
        this.daemonCommands = daemonCommands;
    }

    /** @return the node this daemon runs on */
    public LabNode node() {
        return node;
    }

    /** @return the daemon's log file */
    public Path logFile() {
        return logFile;
    }

    /** @return whether the launched process is still running */
    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL to every process of the tree at once, children first so none is re-parented and missed. */
    public void kill() {
        List<ProcessHandle> tree = tree().toList();
        for (int i = tree.size() - 1; i >= 0; i--) {
            tree.get(i).destroyForcibly();
        }
    }

    /** SIGTERM to the daemon processes proper (not a launcher that would not forward it). */
    public void terminate() {
        List<ProcessHandle> daemons = daemons();
        (daemons.isEmpty() ? List.of(process.toHandle()) : daemons.subList(0, 1)).forEach(ProcessHandle::destroy);
    }

    /** Waits for the whole tree to exit; SIGKILLs it after the timeout. @return whether it exited in time */
    public boolean awaitExit(long timeoutMillis) {
        List<ProcessHandle> tree = tree().toList();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (ProcessHandle h : tree) {
            long left = Math.max(1, deadline - System.currentTimeMillis());
            try {
                h.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                kill();
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException(node.id() + ": interrupted waiting for daemon exit", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new LabException(node.id() + ": waiting for daemon exit: " + e.getCause(), e);
            }
        }
        return true;
    }

    /** @return the processes that are the daemon itself (e.g. the JVM, keepalived parent + VRRP child) */
    public List<ProcessHandle> daemons() {
        return tree().filter(h -> h.info().command()
                .map(c -> daemonCommands.contains(Path.of(c).getFileName().toString()))
                .orElse(false)).toList();
    }

    private Stream<ProcessHandle> tree() {
        ProcessHandle root = process.toHandle();
        return Stream.concat(Stream.of(root), root.descendants()).filter(ProcessHandle::isAlive);
    }
}
