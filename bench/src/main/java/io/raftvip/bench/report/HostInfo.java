package io.raftvip.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where and when the bench ran: date, kernel, CPU model, core count.
 *
 * @param date    ISO-8601 UTC start time
 * @param kernel  {@code /proc/sys/kernel/osrelease}
 * @param cpu     CPU model name from {@code /proc/cpuinfo}
 * @param cores   available processors
 */
public record HostInfo(String date, String kernel, String cpu, int cores) {

    /** Reads this host's information now. */
    public static HostInfo current() {
        return new HostInfo(Instant.now().toString(), read(Path.of("/proc/sys/kernel/osrelease")).strip(),
                cpuModel(), Runtime.getRuntime().availableProcessors());
    }

    private static String cpuModel() {
        for (String line : read(Path.of("/proc/cpuinfo")).split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown";
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "unknown";
        }
    }
}
