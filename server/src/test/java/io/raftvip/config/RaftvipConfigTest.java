package io.raftvip.config;

import static io.raftvip.config.TestYaml.config;
import static io.raftvip.config.TestYaml.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RaftvipConfigTest {

  @Test
  void groupId_isDerivedFromTheClusterNameOnly() throws ConfigException {
    RaftvipConfig a = parse(config("cluster: goldentooth-cp"));
    RaftvipConfig b = parse(config("cluster: goldentooth-cp", "node: beta",
        "timing: { heartbeat: 10ms }"));
    assertEquals(a.groupId(), b.groupId());
    // Pinned: a different value here would split every running cluster after an upgrade.
    assertEquals(UUID.fromString("777f9049-79ad-3082-88c4-a7130c160343"), a.groupId());
    assertEquals(UUID.nameUUIDFromBytes("raftvip:goldentooth-cp".getBytes(
        java.nio.charset.StandardCharsets.UTF_8)), a.groupId());
  }

  @Test
  void groupId_differsBetweenClusters() throws ConfigException {
    assertNotEquals(parse(config("cluster: one")).groupId(), parse(config("cluster: two")).groupId());
  }

  @Test
  void self_isThePeerNamedByNode() throws ConfigException {
    assertEquals(new PeerConfig("beta", "10.0.0.2", 7420, 0), parse(config("node: beta")).self());
  }

  @Test
  void record_rejectsANodeOutsideItsPeers() throws ConfigException {
    RaftvipConfig c = parse(config());
    assertThrows(IllegalArgumentException.class, () -> new RaftvipConfig(c.cluster(), "zeta",
        c.peers(), c.vips(), c.storage(), c.admin(), c.metrics(), c.timing(), c.announce(),
        c.logging(), c.health()));
  }

  @Test
  void record_listsAreImmutable() throws ConfigException {
    RaftvipConfig c = parse(config());
    assertThrows(UnsupportedOperationException.class, () -> c.peers().add(c.self()));
    assertThrows(UnsupportedOperationException.class, () -> c.logging().loggers().put("a", "b"));
    assertEquals(List.of("alpha", "beta"), c.peers().stream().map(PeerConfig::id).toList());
  }
}
