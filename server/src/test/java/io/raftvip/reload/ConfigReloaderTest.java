package io.raftvip.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raftvip.config.ConfigDiff;
import io.raftvip.config.ConfigLoader;
import io.raftvip.config.RaftvipConfig;
import io.raftvip.proto.v1.ReloadResult;
import io.raftvip.proto.v1.Status;
import io.raftvip.testing.TestCertificates;
import io.raftvip.testing.TestCertificates.NodeCertificate;
import io.raftvip.tls.NodeTls;
import io.raftvip.tls.TlsMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A reload of a good, a bad and a partly restart-only file, and of TLS files: every message. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigReloaderTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
  private static final String BASE = String.join("\n",
      "cluster: test-cp",
      "node: alpha",
      "peers:",
      "  - { id: alpha, address: 10.0.0.1:7420 }",
      "  - { id: beta, address: 10.0.0.2:7420 }",
      "vips:",
      "  - { address: 10.0.0.9, interface: end0 }",
      "");

  @TempDir
  Path dir;
  private final ConfigLoader loader = new ConfigLoader(() -> List.of("lo", "end0"));
  private final List<String> applied = new ArrayList<>();
  private final List<ReloadOutcome> outcomes = new ArrayList<>();
  private String file = BASE;
  private ConfigReloader reloader;
  private RaftvipConfig start;

  @BeforeEach
  void setUp() throws Exception {
    start = loader.parse(BASE, "raftvip.yaml");
    reloader = reloader(start, null);
  }

  private ConfigReloader reloader(RaftvipConfig running, NodeTls tls) {
    final ConfigReloader r = new ConfigReloader(running, "/etc/raftvip/raftvip.yaml",
        () -> loader.parse(file, "/etc/raftvip/raftvip.yaml"), tls, CLOCK);
    r.addSection(new LiveSection() {
      @Override public String keys() {
        return "vips";
      }
      @Override public String apply(ConfigDiff diff, RaftvipConfig next) {
        applied.add(next.vips().toString());
        return diff.change("vips").map(ConfigDiff.Change::toString).orElse("");
      }
    });
    r.addListener(outcomes::add);
    return r;
  }

  @Test
  void addedVip_isApplied() {
    file = BASE + "  - { address: 10.0.0.8, interface: lo }\n";

    final ReloadOutcome o = reloader.reloadNow();

    assertEquals(ReloadOutcome.Result.APPLIED, o.result());
    assertEquals("vips ([10.0.0.9 on end0] -> [10.0.0.9 on end0, 10.0.0.8 on lo])", o.message());
    assertEquals(1, applied.size());
    assertEquals(2, reloader.running().vips().size());
    assertEquals(List.of(o), outcomes);
  }

  @Test
  void unchangedFile_appliesNothing() {
    final ReloadOutcome o = reloader.reloadNow();

    assertEquals(ReloadOutcome.Result.APPLIED, o.result());
    assertEquals("no live changes", o.message());
    assertEquals(List.of(), applied);
  }

  @Test
  void yamlError_isRefusedWhole() {
    file = BASE.replace("node: alpha", "node: [alpha") + "  - { address: 10.0.0.8, interface: lo }\n";

    final ReloadOutcome o = reloader.reloadNow();

    assertEquals(ReloadOutcome.Result.REFUSED, o.result());
    assertTrue(o.message().startsWith("the file is invalid, nothing was changed: line "), o.message());
    assertTrue(o.message().contains("YAML syntax error"), o.message());
    assertEquals(List.of(), applied);
    assertSame(start, reloader.running());
  }

  @Test
  void unknownKey_isRefusedWhole() {
    file = BASE + "vipz: []\n";

    final ReloadOutcome o = reloader.reloadNow();

    assertEquals(ReloadOutcome.Result.REFUSED, o.result());
    assertEquals("the file is invalid, nothing was changed: unknown key 'vipz' at top level (did you mean 'vips'?)",
        o.message());
  }

  @Test
  void missingInterface_isRefusedWhole() {
    file = BASE + "  - { address: 10.0.0.8, interface: eth9 }\n";

    final ReloadOutcome o = reloader.reloadNow();

    assertEquals(ReloadOutcome.Result.REFUSED, o.result());
    assertEquals("the file is invalid, nothing was changed: vips[1].interface: 'eth9' not found; this host has:"
        + " lo, end0", o.message());
    assertEquals(List.of(), applied);
  }

  @Test
  void keysThatNeedARestart_areNamed_whileTheLiveOnesApply() {
    file = BASE.replace("10.0.0.2:7420", "10.0.0.3:7420") + "  - { address: 10.0.0.8, interface: lo }\n"
        + "timing: { heartbeat: 30ms }\nstorage: /srv/raftvip\n";

    final ReloadOutcome o = reloader.reloadNow();

    assertEquals(ReloadOutcome.Result.PARTIAL, o.result());
    assertEquals("applied vips ([10.0.0.9 on end0] -> [10.0.0.9 on end0, 10.0.0.8 on lo]); not applied, these"
        + " keys cannot change while raftvip runs: peers[1].address (10.0.0.2:7420 -> 10.0.0.3:7420), storage"
        + " (/var/lib/raftvip -> /srv/raftvip), timing.heartbeat (40ms -> 30ms) (restore them in the file, or"
        + " restart raftvip to apply them)", o.message());
    assertEquals(start.timing(), reloader.running().timing());
    assertEquals(start.peers(), reloader.running().peers());
    assertEquals(2, reloader.running().vips().size());
  }

  @Test
  void sectionThatFails_isReported_andTheReloadGoesOn() {
    reloader.addSection(new LiveSection() {
      @Override public String keys() {
        return "logging";
      }
      @Override public String apply(ConfigDiff diff, RaftvipConfig next) {
        throw new IllegalStateException("boom");
      }
    });
    file = BASE + "  - { address: 10.0.0.8, interface: lo }\n";

    final ReloadOutcome o = reloader.reloadNow();

    assertEquals(ReloadOutcome.Result.PARTIAL, o.result());
    assertTrue(o.message().endsWith("; could not apply logging (boom) (see the log)"), o.message());
  }

  @Test
  void status_showsTheLastReload() {
    final ReloadStatus status = new ReloadStatus();
    final Status.Builder none = Status.newBuilder();
    status.addTo(none);
    assertEquals(ReloadResult.RELOAD_RESULT_UNSPECIFIED, none.getLastReloadResult());

    file = BASE + "vipz: []\n";
    status.accept(reloader.reloadNow());
    final Status.Builder b = Status.newBuilder();
    status.addTo(b);

    assertEquals(ReloadResult.RELOAD_REFUSED, b.getLastReloadResult());
    assertEquals(CLOCK.instant().getEpochSecond(), b.getLastReloadAt().getSeconds());
    assertTrue(b.getLastReloadMessage().contains("unknown key 'vipz'"), b.getLastReloadMessage());
  }

  @Test
  void rotatedCertificate_isInstalled_forNewHandshakes() throws Exception {
    final Tls t = tls();
    final NodeCertificate next = t.ca.node("alpha-2", "10.0.0.1");
    Files.copy(next.cert(), t.cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(next.key(), t.key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    final String before = t.node.current().fingerprint();

    final ReloadOutcome o = t.reloader.reloadNow();

    assertEquals(ReloadOutcome.Result.APPLIED, o.result(), o.message());
    assertNotEquals(before, t.node.current().fingerprint());
    assertTrue(o.message().startsWith("admin.tls re-read (certificate subject CN=raftvip-test-alpha-2, SAN"
        + " IP:10.0.0.1, serial "), o.message());
    assertTrue(o.message().endsWith("; same CA bundle) for new Raft and admin connections"), o.message());
  }

  @Test
  void certificateForAnotherNode_isRefused_andTheRunningOneStays() throws Exception {
    final Tls t = tls();
    final NodeCertificate beta = t.ca.node("beta", "10.0.0.2");
    Files.copy(beta.cert(), t.cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(beta.key(), t.key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    final String before = t.node.current().fingerprint();

    final ReloadOutcome o = t.reloader.reloadNow();

    assertEquals(ReloadOutcome.Result.REFUSED, o.result());
    assertEquals("the TLS files cannot be used, nothing was changed: admin.tls.cert " + t.cert
        + " (subject CN=raftvip-test-beta, SAN IP:10.0.0.2) does not name this node's Raft address host 10.0.0.1"
        + " (node 'alpha'), so every other member refuses its Raft traffic; issue it with"
        + " subjectAltName=IP:10.0.0.1", o.message());
    assertEquals(before, t.node.current().fingerprint());
  }

  @Test
  void unreadableKey_isRefused() throws Exception {
    final Tls t = tls();
    Files.writeString(t.key, "garbage\n");

    final ReloadOutcome o = t.reloader.reloadNow();

    assertEquals(ReloadOutcome.Result.REFUSED, o.result());
    assertEquals("the TLS files cannot be used, nothing was changed: admin.tls.key " + t.key + ": has no"
        + " '-----BEGIN PRIVATE KEY-----' block; it must hold the PKCS#8 PEM private key", o.message());
  }

  private record Tls(TestCertificates ca, Path cert, Path key, NodeTls node, ConfigReloader reloader) {
  }

  private Tls tls() throws Exception {
    assumeTrue(TestCertificates.opensslAvailable(), "SKIPPED: no openssl binary to make test certificates");
    final TestCertificates ca = TestCertificates.create(dir.resolve("pki"), "raftvip test CA");
    final NodeCertificate first = ca.node("alpha", "10.0.0.1");
    final Path cert = Files.copy(first.cert(), dir.resolve("node.crt"));
    final Path key = Files.copy(first.key(), dir.resolve("node.key"));
    file = BASE + "admin: { tls: { cert: " + cert + ", key: " + key + ", ca: " + ca.caCert + " } }\n";
    final NodeTls node = NodeTls.of(TlsMaterial.read(new TlsMaterial.Files(cert, key, ca.caCert)));
    final Clock now = Clock.systemUTC(); // the certificates are valid for a day from now
    final ConfigReloader r = new ConfigReloader(loader.parse(file, "raftvip.yaml"), "raftvip.yaml",
        () -> loader.parse(file, "raftvip.yaml"), node, now);
    return new Tls(ca, cert, key, node, r);
  }
}
