package io.raftvip.net.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.stub.StreamObserver;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.EventType;
import io.raftvip.proto.v1.GetStatusRequest;
import io.raftvip.proto.v1.Role;
import io.raftvip.proto.v1.Status;
import io.raftvip.proto.v1.WatchRequest;
import io.raftvip.systemd.UnixDatagramReceiver;
import io.raftvip.testing.Netns;
import io.raftvip.testing.NetnsCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@link PrivilegeProbe} in a child JVM whose bounding set lacks CAP_NET_ADMIN and
 * CAP_NET_RAW (setpriv), so even root loses them, and checks the messages name the capability.
 * Then runs a real daemon without CAP_NET_ADMIN ({@link UnprivilegedDaemon}): the leader that
 * cannot bind says why, with the fix, in its status, watch, STATUS= line, metrics and log (once,
 * then a summary a minute), while the watchdog stays fed (a restart would not grant the capability).
 */
@Tag("netns")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MissingPrivilegeIT {

  private static final String PREFIX = "rvf-pv-";
  private static final String CAUSE_AND_FIX = "EPERM (Operation not permitted): the daemon lacks CAP_NET_ADMIN;"
      + " run it as the shipped unit does (AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW) or as root";

  private static void requireSetpriv() {
    Netns.requireRootAndNetns();
    NetnsCommand.Result which = NetnsCommand.run(Duration.ofSeconds(5), "sh", "-c", "command -v setpriv");
    if (which.exitCode() != 0) {
      System.err.println("!!!!! SKIPPING MissingPrivilegeIT: setpriv not installed !!!!!");
      Assumptions.abort("setpriv (util-linux) is needed to drop capabilities in a child process");
    }
  }

  @Test
  void withoutCapabilities_messagesNameTheCapabilityNeeded() {
    requireSetpriv();
    try (Netns ns = Netns.create("rvn-pv-"); Netns peer = Netns.create("rvn-pv-")) {
      Netns.veth(ns, "rvna0", peer, "rvnb0");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      NetnsCommand.Result r = ns.run(Duration.ofSeconds(60), "setpriv", "--inh-caps=-all",
          "--bounding-set=-net_admin,-net_raw", java, "-cp", System.getProperty("java.class.path"),
          PrivilegeProbe.class.getName(), "rvna0", "10.213.3.100");
      assertEquals(0, r.exitCode(), r.stderr());
      assertTrue(r.stdout().contains("NETLINK: RTM_NEWADDR 10.213.3.100/32 dev rvna0: EPERM (Operation not permitted);"
          + " this needs CAP_NET_ADMIN"), r.stdout());
      assertTrue(r.stdout().contains("PACKET: socket(AF_PACKET, SOCK_RAW, 0): EPERM (Operation not permitted);"
          + " this needs CAP_NET_RAW"), r.stdout());
    }
  }

  @Test
  void leaderWithoutCapNetAdmin_saysWhyThereIsNoOwner_everywhere_andLogsItOnceThenOnceAMinute() throws Exception {
    requireSetpriv();
    Netns.deleteAll(PREFIX);
    final Path dir = Files.createTempDirectory("raftvip-pv-");
    boolean passed = false;
    try (Netns ns = Netns.create(PREFIX); Netns peer = Netns.create(PREFIX);
         UnixDatagramReceiver notify = new UnixDatagramReceiver(dir.resolve("notify.sock").toString(),
             Duration.ofMillis(200))) {
      Netns.veth(ns, "rvfa0", peer, "rvfb0");
      final List<String> notices = new CopyOnWriteArrayList<>();
      final Thread listener = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          try {
            notices.add(notify.receive());
          } catch (IOException timeout) {
            // EAGAIN every 200 ms without a message: look again
          }
        }
      }, "notify-listener");
      listener.setDaemon(true);
      listener.start();
      try (UnprivilegedDaemon daemon = new UnprivilegedDaemon(ns, "rvfa0", dir, dir.resolve("notify.sock"), 2_000_000)) {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final Status first = await(daemon, Duration.ofSeconds(90), () -> daemon.admin(2).getStatus(
            GetStatusRequest.getDefaultInstance()), "the admin API to answer");
        final var watch = io.grpc.Context.current().withCancellation();
        watch.run(() -> daemon.watcher().watch(WatchRequest.getDefaultInstance(), new StreamObserver<>() {
          @Override public void onNext(Event e) {
            events.add(e);
          }
          @Override public void onError(Throwable t) {
          }
          @Override public void onCompleted() {
          }
        }));
        try {
          final Status failing = await(daemon, Duration.ofSeconds(60), () -> {
            final Status s = daemon.admin(2).getStatus(GetStatusRequest.getDefaultInstance());
            return s.hasBindFailure() ? s : null;
          }, "status.bind_failure on the leader");
          System.out.println("[raftvip-it] missing privilege: status " + first.getRole() + " -> bind_failure '"
              + failing.getBindFailure().getMessage() + "', " + failing.getBindFailure().getAttempts() + " attempts");
          assertEquals(Role.ROLE_LEADER, failing.getRole(), daemon.logText());
          assertEquals("", failing.getOwner(), "no owner");
          assertEquals("EPERM", failing.getBindFailure().getErrno());
          assertEquals("cannot bind " + UnprivilegedDaemon.VIP + " on rvfa0: " + CAUSE_AND_FIX,
              failing.getBindFailure().getMessage());

          // Watch: the failure is an event of its own, or (when the stream began after it) in the snapshot.
          final Event snapshot = events.poll(30, TimeUnit.SECONDS);
          assertTrue(snapshot != null && snapshot.getType() == EventType.EVENT_SNAPSHOT, "snapshot first: " + snapshot);
          if (snapshot.getStatus().hasBindFailure()) {
            System.out.println("[raftvip-it] missing privilege: the watch began after the failures; its snapshot"
                + " carries them");
          } else {
            Event e;
            do {
              e = events.poll(30, TimeUnit.SECONDS);
            } while (e != null && e.getType() != EventType.EVENT_BIND_FAILED);
            assertTrue(e != null, "an EVENT_BIND_FAILED after the snapshot\n" + daemon.logText());
            assertEquals(failing.getBindFailure().getMessage(), e.getMessage());
            System.out.println("[raftvip-it] missing privilege: watch streamed " + e.getType() + " '" + e.getMessage()
                + "'");
          }

          final String metrics = daemon.scrape();
          assertTrue(metrics.lines().anyMatch(l -> l.equals("raftvip_bind_failing 1.0")), metrics);
          assertTrue(metrics.lines().anyMatch(l -> l.startsWith("raftvip_bind_failures_total{reason=\"EPERM\"} ")),
              metrics);
          assertTrue(metrics.lines().anyMatch(l -> l.equals("raftvip_vip_owned{vip=\"" + UnprivilegedDaemon.VIP
              + "\"} 0.0")), metrics);

          // The log: one ERROR with the cause and the fix, then a summary once the minute is over.
          await(daemon, Duration.ofSeconds(120), () -> daemon.logText().contains("still failing (") ? true : null,
              "the once-a-minute summary in the log");
          final List<String> lines = daemon.logText().lines().toList();
          final List<String> full = lines.stream().filter(l -> l.contains("n1: cannot bind " + UnprivilegedDaemon.VIP))
              .toList();
          final List<String> summaries = lines.stream().filter(l -> l.contains("n1: still failing (")).toList();
          System.out.println("[raftvip-it] missing privilege: log " + full + " " + summaries);
          assertEquals(1, full.size(), "one full ERROR line:\n" + daemon.logText());
          assertTrue(full.get(0).contains(" ERROR ") && full.get(0).contains(CAUSE_AND_FIX), full.get(0));
          assertEquals(1, summaries.size(), daemon.logText());
          assertTrue(summaries.get(0).matches(".* ERROR .*n1: still failing \\(\\d+ attempts in the last 6\\d s\\): cannot"
              + " bind .*"), summaries.get(0));
          assertTrue(lines.stream().noneMatch(l -> l.contains("cannot remove VIP")), daemon.logText());

          // systemd: the STATUS= line names the cause and the fix; the watchdog is still fed.
          final String status = notices.stream().filter(n -> n.startsWith("STATUS=no owner"))
              .reduce((a, b) -> b).orElse("none");
          assertTrue(status.matches("STATUS=no owner, term \\d+: cannot bind " + UnprivilegedDaemon.VIP.replace(".", "\\.")
              + " on rvfa0: .*"), status + " in " + notices);
          assertTrue(status.endsWith(CAUSE_AND_FIX), status);
          final int fed = notices.size();
          await(daemon, Duration.ofSeconds(10), () -> notices.subList(fed, notices.size()).contains("WATCHDOG=1")
              ? true : null, "WATCHDOG=1 while the bind keeps failing");
          assertTrue(daemon.running(), "the daemon lives on");

          // Another cause (the VIP's interface disappears) is news: streamed, logged in full at once.
          ns.exec("ip", "link", "del", "rvfa0");
          Event moved;
          do {
            moved = events.poll(30, TimeUnit.SECONDS);
          } while (moved != null && moved.getType() != EventType.EVENT_BIND_FAILED);
          assertTrue(moved != null, "EVENT_BIND_FAILED for the new cause\n" + daemon.logText());
          System.out.println("[raftvip-it] missing privilege: watch streamed " + moved.getType() + " '"
              + moved.getMessage() + "'");
          assertTrue(moved.getMessage().startsWith("cannot bind " + UnprivilegedDaemon.VIP + " on rvfa0: interface"
              + " 'rvfa0' not found; this host has: lo"), moved.getMessage());
          assertEquals("ENODEV", moved.getStatus().getBindFailure().getErrno());
          await(daemon, Duration.ofSeconds(10), () -> daemon.logText().lines()
              .filter(l -> l.contains("n1: cannot bind " + UnprivilegedDaemon.VIP)).count() == 2 ? true : null,
              "the new cause in full in the log");
          passed = true;
        } finally {
          watch.cancel(null);
          if (!passed) {
            System.err.println("[raftvip-it] missing privilege: daemon log:\n" + daemon.logText()
                + "\nsd_notify messages: " + notices);
          }
        }
      } finally {
        listener.interrupt();
      }
    } finally {
      if (passed) {
        deleteTree(dir);
      } else {
        System.err.println("!!!!! MissingPrivilegeIT: keeping " + dir + " !!!!!");
      }
    }
  }

  /** Polls {@code probe} (null or an exception: not yet) until it returns a value or {@code timeout} passes. */
  private static <T> T await(UnprivilegedDaemon daemon, Duration timeout, Callable<T> probe, String what)
      throws InterruptedException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() - deadline < 0) {
      try {
        final T value = probe.call();
        if (value != null) {
          return value;
        }
      } catch (Exception e) {
        last = e;
      }
      if (!daemon.running()) {
        break;
      }
      Thread.sleep(50); // polling the condition
    }
    throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
        + (daemon.running() ? "" : " (the daemon exited)") + (last == null ? "" : "; last error " + last)
        + "\n" + daemon.logText());
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
