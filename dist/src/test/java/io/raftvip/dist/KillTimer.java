package io.raftvip.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * When the kernel deleted the VIP: {@code ip -ts monitor address} in the node's namespace, started
 * before the kill, stamps each address event with the wall clock the kill and the journal use too.
 */
final class KillTimer implements AutoCloseable {

  private final Process monitor;
  private final Path events;
  private final String vip;

  private KillTimer(Process monitor, Path events, String vip) {
    this.monitor = monitor;
    this.events = events;
    this.vip = vip;
  }

  static KillTimer watch(String netns, String vip) throws IOException, InterruptedException {
    final Path events = Files.createTempFile("rvp-monitor-", ".txt");
    final Process p = new ProcessBuilder("ip", "-n", netns, "-ts", "-o", "monitor", "address")
        .redirectErrorStream(true).redirectOutput(events.toFile()).start();
    Thread.sleep(200); // subscribed before anything happens
    return new KillTimer(p, events, vip);
  }

  /** @return the epoch seconds at which the VIP was deleted */
  double awaitDeleted(Duration deadline) throws IOException {
    final String needle = " " + vip + "/32 ";
    final double[] at = {0};
    final boolean seen = Sh.await(deadline, () -> {
      try {
        Files.readAllLines(events).stream().filter(l -> l.contains("Deleted") && l.contains(needle)).findFirst()
            .ifPresent(l -> at[0] = epochSeconds(l.substring(1, l.indexOf(']'))));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return at[0] > 0;
    });
    if (!seen) {
      throw new AssertionError("the VIP was not deleted within " + deadline + "; address events:\n"
          + Files.readString(events));
    }
    return at[0];
  }

  /** {@code 2026-11-30T06:03:53.746314}, local time as ip prints it. */
  private static double epochSeconds(String stamp) {
    final LocalDateTime t = LocalDateTime.parse(stamp);
    return t.atZone(ZoneId.systemDefault()).toEpochSecond() + t.getNano() / 1e9;
  }

  /** The epoch time of the first {@code journalctl -o short-unix} line containing {@code text}. */
  static double firstTime(String journal, String text) {
    return journal.lines().filter(l -> l.contains(text)).map(l -> Double.parseDouble(l.substring(0, l.indexOf(' '))))
        .findFirst().orElseThrow(() -> new AssertionError("no journal line with '" + text + "':\n" + journal));
  }

  @Override
  public void close() throws IOException {
    monitor.destroy();
    Files.deleteIfExists(events);
  }
}
