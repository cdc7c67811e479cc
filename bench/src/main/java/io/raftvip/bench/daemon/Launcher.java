package io.raftvip.bench.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.raftvip.bench.lab.LabNode;

/** Starts a command inside a node namespace with its output appended to a log file. */
final class Launcher {

    private Launcher() {
    }

    static DaemonProcess launch(LabNode node, List<String> command, Path log, List<String> daemonCommands)
            throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", node.netns()));
        full.addAll(command);
        Process p = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        p.getOutputStream().close();
        return new DaemonProcess(node, p, log, daemonCommands);
    }
}
