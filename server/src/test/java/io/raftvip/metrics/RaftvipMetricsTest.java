package io.raftvip.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RaftvipMetricsTest {

  private final RaftvipMetrics metrics = new RaftvipMetrics("1.2.3");

  @Test
  void scrape_showsEveryRaftvipSeries() throws Exception {
    metrics.setOwned("10.4.0.9", true);
    metrics.setOwned("fd00::9", false);
    metrics.setTerm(7);
    metrics.setLeader(true);
    metrics.leaderChanged();
    metrics.leaderChanged();
    metrics.failover(Duration.ofMillis(250));
    metrics.announced("10.4.0.9");
    metrics.leaseLost();
    metrics.setMemberReachable("bettley", true);
    metrics.setMemberReachable("cargyll", false);
    metrics.setQuorum(true);

    List<String> lines;
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, metrics)) {
      lines = scrape(server.port());
    }

    assertHas(lines, "raftvip_vip_owned{vip=\"10.4.0.9\"} 1.0");
    assertHas(lines, "raftvip_vip_owned{vip=\"fd00::9\"} 0.0");
    assertHas(lines, "raftvip_raft_term 7.0");
    assertHas(lines, "raftvip_is_leader 1.0");
    assertHas(lines, "raftvip_leader_changes_total 2.0");
    assertHas(lines, "raftvip_failovers_total 1.0");
    assertHas(lines, "raftvip_last_failover_seconds 0.25");
    assertHas(lines, "raftvip_announcements_total{vip=\"10.4.0.9\"} 1.0");
    assertHas(lines, "raftvip_lease_losses_total 1.0");
    assertHas(lines, "raftvip_member_reachable{member=\"bettley\"} 1.0");
    assertHas(lines, "raftvip_member_reachable{member=\"cargyll\"} 0.0");
    assertHas(lines, "raftvip_quorum 1.0");
    assertHas(lines, "raftvip_build_info{version=\"1.2.3\"} 1");
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("jvm_memory_used_bytes")),
        "JVM metrics registered");
  }

  @Test
  void bindFailures_areAGaugeAndACounterByErrno_zeroFromTheStart() throws Exception {
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, metrics)) {
      assertHas(scrape(server.port()), "raftvip_bind_failing 0.0");
      metrics.setBindFailing(true);
      metrics.bindFailed("EPERM");
      metrics.bindFailed("EPERM");
      metrics.bindFailed("");
      List<String> lines = scrape(server.port());
      assertHas(lines, "raftvip_bind_failing 1.0");
      assertHas(lines, "raftvip_bind_failures_total{reason=\"EPERM\"} 2.0");
      assertHas(lines, "raftvip_bind_failures_total{reason=\"other\"} 1.0");
      metrics.setBindFailing(false);
      assertHas(scrape(server.port()), "raftvip_bind_failing 0.0");
    }
  }

  @Test
  void forgetMember_removesItsSeries() throws Exception {
    metrics.setMemberReachable("bettley", true);
    metrics.forgetMember("bettley");

    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, metrics)) {
      List<String> lines = scrape(server.port());
      assertFalse(lines.stream().anyMatch(l -> l.contains("member=\"bettley\"")), "forgotten");
      assertHas(lines, "raftvip_is_leader 0.0");
      assertHas(lines, "raftvip_quorum 0.0");
    }
  }

  @Test
  void portInUse_failsNamingMetricsListen() throws Exception {
    try (MetricsServer first = MetricsServer.start("127.0.0.1", 0, metrics)) {
      IOException e = assertThrows(IOException.class,
          () -> MetricsServer.start("127.0.0.1", first.port(), new RaftvipMetrics("x")));
      assertTrue(e.getMessage().startsWith("metrics.listen 127.0.0.1:" + first.port()),
          e.getMessage());
    }
  }

  private static void assertHas(List<String> lines, String line) {
    assertTrue(lines.contains(line), () -> "missing '" + line + "' in:\n"
        + String.join("\n", lines.stream().filter(l -> l.startsWith("raftvip_")).toList()));
  }

  private static List<String> scrape(int port) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return response.body().lines().toList();
  }
}
