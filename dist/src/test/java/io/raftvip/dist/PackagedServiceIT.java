package io.raftvip.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Debian package under a real systemd: boots one {@link SystemdContainer} and, in sequence,
 * installs the .deb, configures a one-node cluster (a single member owns the VIP by itself),
 * starts, inspects, reloads, upgrades, kills ({@code kill -9}, SIGSTOP for the watchdog), stops,
 * removes and purges it, checking each against docs/install.md. Deadlines come from the unit's
 * own settings. Needs root, overlayfs and systemd-nspawn; skips loudly without them. The
 * container's journal and console stay in {@code dist/target/systemd-it/}.
 */
@Tag("systemd")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class PackagedServiceIT {

  private static final Path DEB = Path.of(System.getProperty("raftvip.deb", "target/raftvip.deb"));
  private static final Path LOGS = Path.of(System.getProperty("raftvip.it.logs", "target/systemd-it"));
  private static final Duration T = Duration.ofSeconds(60);
  private static final String CONFIG = """
      cluster: rvp-it
      node: n1
      peers:
        - { id: n1, address: %s:7420 }
      vips:
        - { address: %s, interface: eth0 }
      """.formatted(BridgeLab.NODE_ADDRESS, BridgeLab.VIP);

  private final List<String> summary = new ArrayList<>();
  private SystemdContainer container;
  private ServiceView service;
  private BridgeLab lab;

  @Test
  void debPackage_underRealSystemd_installsRunsSurvivesCrashesUpgradesAndPurges() throws Exception {
    SystemdContainer.missingPrerequisite().ifPresent(reason -> {
      System.err.println("!!!!! SKIPPING the systemd IT (PackagedServiceIT): " + reason + " !!!!!");
      Assumptions.abort("the systemd IT needs root, overlayfs and systemd-nspawn: " + reason);
    });
    assertTrue(Files.isRegularFile(DEB), DEB + " missing: run `mvn package` first");
    final Path upgrade = Reversioned.higherVersionOf(DEB, LOGS.resolve("upgrade"));

    final long begin = System.nanoTime();
    try (SystemdContainer c = SystemdContainer.boot(LOGS, T)) {
      container = c;
      service = new ServiceView(c);
      lab = c.lab();
      step("boot to multi-user", begin);
      Files.copy(DEB, c.root().resolve("root").resolve(DEB.getFileName()));
      Files.copy(upgrade, c.root().resolve("root").resolve(upgrade.getFileName()));

      timed("install: enabled, not started", () -> install(DEB));
      timed("configure + start: active after READY=1", this::configureAndStart);
      timed("inspect: status, user, caps, socket, raftvipctl, VIP", this::inspect);
      timed("reload leaves the daemon alone", this::reload);
      timed("upgrade keeps config, state, membership", () -> upgradeTo(upgrade));
      timed("restart (archive written, then used)", this::restart);
      timed("kill -9: released by ExecStopPost, restarted", this::killAndRecover);
      timed("SIGSTOP: watchdog aborts and restarts", this::watchdog);
      timed("stop releases the VIP", this::stop);
      timed("remove while running: stopped, state and config kept", this::remove);
      timed("purge: state and config gone", this::purge);
    } finally {
      System.out.println("systemd IT: container journal and console in " + LOGS.toAbsolutePath());
      summary.forEach(System.out::println);
      System.out.printf("systemd IT: total %d ms%n", (System.nanoTime() - begin) / 1_000_000);
    }
  }

  private void install(Path deb) {
    final Sh.Result apt = container.exec(T, "apt-get install -y /root/" + deb.getFileName()).check();
    assertTrue(apt.out().contains("Need to get 0 B/"), "nothing to download: the JRE is on the host root\n" + apt.out());
    assertTrue(apt.out().contains("the service is enabled but not started"), apt.out());
    assertEquals("install ok installed", sh("dpkg-query -W -f '${Status}' raftvip"));
    assertTrue(container.exec(T, "apt-get check").ok(), "dependencies satisfied");
    assertEquals("enabled", sh("systemctl is-enabled raftvip || true"));
    assertEquals("inactive", service.activeState());
    assertTrue(sh("id raftvip").startsWith("uid="), "system user created");
    assertEquals("750 raftvip raftvip", sh("stat -c '%a %U %G' /run/raftvip"));
    assertEquals("../lib/raftvip/bin/raftvipctl", sh("readlink /usr/bin/raftvipctl"));
  }

  private void configureAndStart() {
    sh("install -m 0640 -g raftvip /dev/null /etc/raftvip/raftvip.yaml && cat > /etc/raftvip/raftvip.yaml <<'EOF'\n"
        + CONFIG + "EOF");
    sh("raftvip check --config /etc/raftvip/raftvip.yaml >/dev/null");
    sh("systemctl start --no-block raftvip");
    final List<String> states = new ArrayList<>();
    assertTrue(Sh.await(service.span("TimeoutStartUSec"), () -> {
      final String s = service.activeState();
      if (states.isEmpty() || !states.get(states.size() - 1).equals(s)) {
        states.add(s);
      }
      return s.equals("active") || s.equals("failed");
    }), "not active within TimeoutStartSec: " + states);
    assertEquals("active", service.activeState(), "states seen: " + states);
    assertTrue(states.contains("activating"), "systemd waited for READY=1 (Type=notify): " + states);
    final var s = service.show("ExecMainStartTimestampMonotonic", "ActiveEnterTimestampMonotonic", "StatusText");
    final long waitedMs = (Long.parseLong(s.get("ActiveEnterTimestampMonotonic"))
        - Long.parseLong(s.get("ExecMainStartTimestampMonotonic"))) / 1000;
    assertTrue(waitedMs > 100, "active " + waitedMs + " ms after the JVM started: only when it said READY=1");
    assertFalse(s.get("StatusText").isEmpty(), "the daemon sent STATUS=");
    summary.add(String.format("systemd IT:   active %d ms after the main process started (states %s)", waitedMs, states));
    assertTrue(Sh.await(Duration.ofSeconds(5), lab::vipBound), "VIP bound: " + lab.nodeAddresses());
  }

  private void inspect() {
    final String statusText = service.get("StatusText");
    final String status = container.exec(T, "systemctl status raftvip --no-pager").out();
    assertTrue(status.contains("Status: \"" + statusText + "\""), status);
    final String proc = service.procStatus();
    final String uid = sh("id -u raftvip");
    assertTrue(proc.lines().anyMatch(l -> l.matches("Uid:\\s+" + uid + "\\s+" + uid + "\\s+" + uid + "\\s+" + uid)),
        "runs as raftvip (" + uid + "):\n" + proc);
    final long capEff = Long.parseLong(field(proc, "CapEff"), 16);
    assertEquals(Capabilities.of("CAP_NET_ADMIN", "CAP_NET_RAW"), capEff,
        "CapEff " + Capabilities.names(capEff));
    summary.add("systemd IT:   CapEff " + field(proc, "CapEff") + " = " + Capabilities.names(capEff)
        + ", CapBnd = " + Capabilities.names(Long.parseLong(field(proc, "CapBnd"), 16)));
    assertEquals("660 raftvip raftvip", sh("stat -c '%a %U %G' /run/raftvip/admin.sock"));
    assertEquals("750 raftvip raftvip", sh("stat -c '%a %U %G' /run/raftvip"));
    final String ctl = sh("raftvipctl status");
    assertTrue(ctl.contains("owner:          n1"), ctl);
    assertEquals("n1", sh("raftvipctl owner"));
    final String reach = lab.probeVipFromClient();
    assertFalse(reach.startsWith("unreachable"), "client reaches the VIP: " + reach);
    assertTrue(lab.clientNeighborOfVip().contains(lab.nodeMac()), "client's ARP entry for the VIP: "
        + lab.clientNeighborOfVip() + " (node " + lab.nodeMac() + ")");
  }

  private void reload() {
    assertEquals("yes", service.get("CanReload"), "ExecReload= sends SIGHUP");
    final long pid = service.mainPid();
    final Sh.Result r = container.exec(T, "systemctl reload raftvip").check();
    assertTrue(Sh.await(Duration.ofSeconds(10), () -> sh("raftvipctl status").contains("last reload:")),
        "raftvipctl status reports the reload");
    final String status = sh("raftvipctl status");
    assertTrue(status.contains("applied: no live changes"), status);
    assertEquals(pid, service.mainPid(), "the daemon lives on: SIGHUP reloads, it no longer stops the JVM");
    assertEquals("active", service.activeState());
    summary.add("systemd IT:   systemctl reload: " + status.lines().filter(l -> l.startsWith("last reload:"))
        .findFirst().orElse("?") + (r.err().isBlank() ? "" : " (" + r.err().strip() + ")"));
  }

  private void upgradeTo(Path deb) {
    final String term = term();
    final String config = sh("sha256sum /etc/raftvip/raftvip.yaml");
    final String group = sh("ls /var/lib/raftvip");
    sh("echo '# kept: an operator edit of the example' >> /etc/raftvip/raftvip.yaml.example");
    final long pid = service.mainPid();
    final Sh.Result apt = container.exec(T, "apt-get install -y /root/" + deb.getFileName()).check();
    assertFalse(apt.out().contains("enabled but not started"), apt.out());
    assertEquals(Reversioned.version(deb), sh("dpkg-query -W -f '${Version}' raftvip"));
    assertTrue(service.awaitRestarted(pid, service.span("TimeoutStartUSec")), "try-restart after upgrade");
    assertEquals(config, sh("sha256sum /etc/raftvip/raftvip.yaml"), "configuration untouched");
    assertTrue(sh("cat /etc/raftvip/raftvip.yaml.example").contains("# kept: an operator edit"), "conffile edit kept");
    assertEquals(group, sh("ls /var/lib/raftvip"), "the same Raft group storage");
    assertTrue(Sh.await(Duration.ofSeconds(10), lab::vipBound), "owner again after the upgrade");
    final String after = term();
    assertTrue(Long.parseLong(after) > Long.parseLong(term), "the term continues (" + term + " -> " + after
        + "): the Raft log survived");
    assertTrue(sh("raftvipctl members").contains(BridgeLab.NODE_ADDRESS + ":7420"), "membership kept");
    summary.add("systemd IT:   upgraded to " + Reversioned.version(deb) + "; term " + term + " -> " + after);
  }

  /**
   * Kills the daemon with and without the class-data archive for {@code raftvip release}, in
   * turns ({@code -Draftvip.it.kills=N} pairs, default 1), so a change in the machine's load hits
   * both alike. Without: the archive is moved aside before the kill and back after the restart
   * (the restarted daemon then records classes, but a killed JVM never writes an archive).
   */
  private void killAndRecover() throws IOException, InterruptedException {
    final int pairs = Integer.getInteger("raftvip.it.kills", 1);
    final String archive = sh("ls /var/cache/raftvip/raftvip-*.jsa");
    final String aside = "/var/cache/raftvip/aside.jsa";
    final List<Long> goneWith = new ArrayList<>();
    final List<Long> releaseWith = new ArrayList<>();
    final List<Long> goneWithout = new ArrayList<>();
    final List<Long> releaseWithout = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      long[] sample = killOnce();
      goneWith.add(sample[0]);
      releaseWith.add(sample[1]);
      sh("mv " + archive + " " + aside);
      sample = killOnce();
      sh("mv " + aside + " " + archive);
      goneWithout.add(sample[0]);
      releaseWithout.add(sample[1]);
    }
    summary.add("systemd IT:   kill -9 -> VIP gone, with the archive: " + stats(goneWith) + " ms (ExecStopPost's "
        + "raftvip release " + stats(releaseWith) + " ms of it)");
    summary.add("systemd IT:   kill -9 -> VIP gone, without:          " + stats(goneWithout) + " ms (raftvip release "
        + stats(releaseWithout) + " ms of it); systemd saw the exit " + exitLag);
  }

  private String exitLag = "";

  /** @return kill to VIP deleted, and systemd's notice of the exit to VIP deleted, in ms */
  private long[] killOnce() throws IOException, InterruptedException {
    assertTrue(Sh.await(Duration.ofSeconds(10), lab::vipBound), "VIP bound before the kill");
    final int restarts = service.restarts();
    final long pid = service.mainPid();
    final String since = sh("date '+%Y-%m-%d %H:%M:%S'");
    final long[] sample;
    try (KillTimer timer = KillTimer.watch(lab.nodeNs(), BridgeLab.VIP)) {
      final double killedAt = Double.parseDouble(sh("date +%s.%N; kill -9 " + pid));
      final double goneAt = timer.awaitDeleted(service.span("RestartUSec").plus(T));
      final String journal = container.exec(T, "journalctl --no-pager -o short-unix -u raftvip --since '"
          + since + "'").out();
      final double exitSeen = KillTimer.firstTime(journal, "Main process exited, code=killed");
      assertFalse(journal.contains("trying without it"), "the release did not fall back:\n" + journal);
      sample = new long[] {millis(goneAt - killedAt), millis(goneAt - exitSeen)};
      exitLag = millis(exitSeen - killedAt) + " ms after the kill (last sample)";
    }
    assertTrue(service.awaitRestarted(pid, service.span("RestartUSec").plus(service.span("TimeoutStartUSec"))),
        "Restart=on-failure brought it back");
    assertEquals(restarts + 1, service.restarts());
    assertTrue(Sh.await(Duration.ofSeconds(10), lab::vipBound), "owner again after the restart");
    return sample;
  }

  private static String stats(List<Long> ms) {
    final List<Long> sorted = ms.stream().sorted().toList();
    return sorted.size() == 1 ? sorted.get(0).toString() : String.format("median %d (min %d, max %d, n=%d) %s",
        sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size(), ms);
  }

  private void restart() {
    final long pid = service.mainPid();
    sh("systemctl restart raftvip");
    assertTrue(service.awaitRestarted(pid, T));
    final String cache = sh("ls /var/cache/raftvip");
    assertTrue(cache.matches("(?s)raftvip-[0-9a-f]{16}\\.jsa"), "archive promoted: " + cache);
  }

  private void watchdog() {
    final Duration watchdog = service.span("WatchdogUSec");
    final Duration deadline = watchdog.plus(service.span("TimeoutAbortUSec")).plus(service.span("RestartUSec"))
        .plus(service.span("TimeoutStartUSec"));
    final long pid = service.mainPid();
    final String since = sh("date '+%Y-%m-%d %H:%M:%S'");
    final long stopped = System.nanoTime();
    sh("kill -STOP " + pid);
    assertTrue(service.awaitRestarted(pid, deadline), "watchdog restart within " + deadline);
    final long restartedMs = (System.nanoTime() - stopped) / 1_000_000;
    final String journal = service.journal(since);
    assertTrue(journal.contains("Watchdog timeout"), journal);
    summary.add(String.format("systemd IT:   SIGSTOP -> watchdog abort -> active again: %d ms (WatchdogSec=%ds)",
        restartedMs, watchdog.toSeconds()));
    assertTrue(Sh.await(Duration.ofSeconds(10), lab::vipBound), "owner again after the watchdog restart");
  }

  private void stop() {
    sh("systemctl stop raftvip");
    assertEquals("inactive", service.activeState());
    assertFalse(lab.vipBound(), "VIP released on stop: " + lab.nodeAddresses());
    releaseAlone();
    sh("systemctl start raftvip");
    assertTrue(Sh.await(Duration.ofSeconds(10), lab::vipBound), "owner again");
  }

  /**
   * {@code raftvip release} by itself, as root outside the unit's sandbox, with and without the
   * class-data archive, alternately (so a change in the machine's load hits both alike). Only
   * while the service is stopped: a release removes every VIP of ours, also a live owner's.
   * {@code -Xshare:on} makes a JVM that cannot map the archive fail, and the launcher then says so.
   */
  private void releaseAlone() {
    final int samples = Integer.getInteger("raftvip.it.kills", 1);
    final String timed = "s=$(date +%s%N); ENV raftvip release --config /etc/raftvip/raftvip.yaml >/dev/null"
        + " 2>/tmp/release.err; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); cat /tmp/release.err";
    final List<Long> with = new ArrayList<>();
    final List<Long> without = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      final String out = sh(timed.replace("ENV", "RAFTVIP_CDS_DIR=/var/cache/raftvip RAFTVIP_JAVA_OPTS=-Xshare:on"));
      assertFalse(out.contains("trying without it"), "the release maps the archive: " + out);
      with.add(Long.parseLong(out.lines().findFirst().orElseThrow()));
      without.add(Long.parseLong(sh(timed.replace("ENV", "")).lines().findFirst().orElseThrow()));
    }
    summary.add("systemd IT:   raftvip release alone (root, no sandbox): with the archive " + stats(with)
        + " ms; without " + stats(without) + " ms");
  }

  private void remove() {
    container.exec(T, "apt-get remove -y raftvip").check();
    assertFalse(lab.vipBound(), "VIP released by the stop in prerm: " + lab.nodeAddresses());
    assertNotEquals("active", service.activeState());
    assertEquals("deinstall ok config-files", sh("dpkg-query -W -f '${Status}' raftvip"));
    assertEquals("gone", sh("test -e /usr/lib/raftvip || test -e /usr/bin/raftvip || echo gone"));
    assertEquals("kept", sh("test -s /etc/raftvip/raftvip.yaml && test -d /var/lib/raftvip && echo kept"));
    assertTrue(sh("id raftvip").startsWith("uid="));
  }

  private void purge() {
    container.exec(T, "apt-get purge -y raftvip").check();
    assertEquals("", sh("dpkg-query -W -f '${Status}' raftvip 2>/dev/null || true"));
    assertEquals("gone", sh("test -e /etc/raftvip || test -e /var/lib/raftvip || test -e /var/cache/raftvip"
        + " || test -e /etc/systemd/system/multi-user.target.wants/raftvip.service || echo gone"));
    assertTrue(sh("id raftvip").startsWith("uid="), "the system user stays (docs/install.md)");
  }

  private String term() {
    return sh("raftvipctl status").lines().filter(l -> l.startsWith("term:")).map(l -> l.substring(5).strip())
        .findFirst().orElseThrow();
  }

  private String sh(String script) {
    return container.exec(T, script).check().out().strip();
  }

  private static String field(String procStatus, String name) {
    return procStatus.lines().filter(l -> l.startsWith(name + ":")).map(l -> l.substring(name.length() + 1).strip())
        .findFirst().orElseThrow(() -> new AssertionError(name + " not in /proc/PID/status"));
  }

  private static long millis(double seconds) {
    return Math.round(seconds * 1000);
  }

  private interface Step {
    void run() throws Exception;
  }

  private void timed(String name, Step step) throws Exception {
    final long start = System.nanoTime();
    System.out.println("systemd IT: " + name + " ...");
    step.run();
    step(name, start);
  }

  private void step(String name, long start) {
    summary.add(String.format("systemd IT: %-55s %6d ms", name, (System.nanoTime() - start) / 1_000_000));
  }
}
