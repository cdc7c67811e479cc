package io.raftvip.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketSdNotifierTest {

  private static final Duration RECV_TIMEOUT = Duration.ofSeconds(5);

  @TempDir
  Path dir;

  @Test
  void pathSocket_receivesEveryMessage() throws Exception {
    String path = dir.resolve("notify").toString();
    try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(path, RECV_TIMEOUT)) {
      SdNotifier notifier = SdNotifiers.fromEnvironment(Map.of("NOTIFY_SOCKET", path));
      assertInstanceOf(SocketSdNotifier.class, notifier);

      notifier.ready();
      notifier.status("owner of 10.4.0.9\n(term 7)");
      notifier.watchdog();
      notifier.stopping();

      assertEquals("READY=1", systemd.receive());
      assertEquals("STATUS=owner of 10.4.0.9 (term 7)", systemd.receive());
      assertEquals("WATCHDOG=1", systemd.receive());
      assertEquals("STOPPING=1", systemd.receive());
    }
  }

  @Test
  void abstractSocket_receivesMessages() throws Exception {
    String name = "@rvo-notify-test-" + ProcessHandle.current().pid() + "-"
        + ThreadLocalRandom.current().nextInt(1_000_000);
    try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(name, RECV_TIMEOUT)) {
      SdNotifier notifier = SdNotifiers.fromEnvironment(Map.of("NOTIFY_SOCKET", name));

      notifier.ready();
      notifier.watchdog();

      assertEquals("READY=1", systemd.receive());
      assertEquals("WATCHDOG=1", systemd.receive());
    }
  }

  @Test
  void nobodyListening_doesNotThrow() {
    SdNotifier notifier = SdNotifiers.fromEnvironment(
        Map.of("NOTIFY_SOCKET", dir.resolve("absent").toString()));

    notifier.ready();
    notifier.watchdog();
    notifier.stopping();
  }

  @Test
  void unsetOrUnusableSocket_givesNoop() {
    assertInstanceOf(NoopSdNotifier.class, SdNotifiers.fromEnvironment(Map.of()));
    assertInstanceOf(NoopSdNotifier.class,
        SdNotifiers.fromEnvironment(Map.of("NOTIFY_SOCKET", "")));
    assertInstanceOf(NoopSdNotifier.class,
        SdNotifiers.fromEnvironment(Map.of("NOTIFY_SOCKET", "vsock:2:1234")));
    assertInstanceOf(NoopSdNotifier.class,
        SdNotifiers.fromEnvironment(Map.of("NOTIFY_SOCKET", "/" + "x".repeat(200))));
  }
}
