package io.raftvip.bench.lab;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes lab namespaces: kills the processes still inside (daemons, monitors) first, since a
 * namespace with live processes outlives {@code ip netns del}. Also finds leftovers by prefix
 * for {@code --cleanup}.
 */
public final class NamespaceRemover {

    private static final Logger LOG = LoggerFactory.getLogger(NamespaceRemover.class);

    private final CommandRunner cmd;

    /** @param cmd runs the {@code ip} commands */
    public NamespaceRemover(CommandRunner cmd) {
        this.cmd = cmd;
    }

    /** Kills the processes in {@code ns} and deletes it; logs and carries on when that fails. */
    public void remove(String ns) {
        CommandRunner.Result pids = cmd.tryRun("ip", "netns", "pids", ns);
        if (pids.exitCode() == 0) {
            for (String pid : pids.output().split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
        CommandRunner.Result del = cmd.tryRun("ip", "netns", "del", ns);
        if (del.exitCode() != 0 && !del.output().contains("No such file")) {
            LOG.warn("ip netns del {}: {}", ns, del.output().strip());
        }
    }

    /** @return the existing namespaces whose name starts with {@code prefix + "-"} */
    public List<String> leftovers(String prefix) {
        List<String> found = new ArrayList<>();
        for (String line : cmd.run("ip", "netns", "list").split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (name.startsWith(prefix + "-")) {
                found.add(name);
            }
        }
        return found;
    }

    /** Removes every leftover namespace with the prefix; @return how many were removed */
    public int removeLeftovers(String prefix) {
        List<String> found = leftovers(prefix);
        found.forEach(ns -> {
            LOG.info("removing leftover namespace {}", ns);
            remove(ns);
        });
        return found.size();
    }
}
