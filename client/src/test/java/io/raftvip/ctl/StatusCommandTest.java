package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatusCommandTest {
  private CtlHarness ctl;

  @BeforeEach
  void start() throws Exception {
    ctl = new CtlHarness();
  }

  @AfterEach
  void stop() throws Exception {
    ctl.close();
  }

  @Test
  void status_printsSummaryVipsAndMembers() {
    CtlHarness.Result result = ctl.run("status");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("""
        cluster:        goldentooth-cp
        node:           allyrion (leader)
        owner:          allyrion (since 2025-06-01T12:00:00.212Z)
        because:        moved from bettley: owner unhealthy (apiserver: HTTP 503); allyrion is healthy
        term:           7
        leader:         allyrion
        quorum:         ok
        last failover:  2025-06-01T12:00:00.212Z bettley -> allyrion (unowned for 212 ms)

        VIP       INTERFACE  BOUND HERE
        10.4.0.9  end0       yes

        ID        ADDRESS         ROLE      HEALTH                           PRIORITY  REACHABILITY  LAST CONTACT
        allyrion  10.4.0.10:7420  leader    healthy                          1         reachable     0 ms
        bettley   10.4.0.11:7420  follower  unhealthy (apiserver: HTTP 503)  0         reachable     12 ms
        cargyll   10.4.0.12:7420  follower  unknown                          0         unreachable   4500 ms
        """, result.out());
    assertEquals("", result.err());
  }

  @Test
  void status_withoutQuorum_saysNoOwnerAndLost() {
    ctl.admin.status = Fixtures.quorumLost();
    CtlHarness.Result result = ctl.run("status");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("""
        cluster:        goldentooth-cp
        node:           bettley (candidate)
        owner:          none (no node holds the VIP)
        term:           9
        leader:         unknown
        quorum:         LOST (no node may own the VIP until a majority is back)
        last failover:  2025-06-01T12:05:00.000Z allyrion -> none

        VIP       INTERFACE  BOUND HERE
        10.4.0.9  end0       no

        ID        ADDRESS         ROLE       HEALTH   PRIORITY  REACHABILITY  LAST CONTACT
        allyrion  10.4.0.10:7420  unknown    unknown  1         unknown       -
        bettley   10.4.0.11:7420  candidate  unknown  0         unknown       -
        cargyll   10.4.0.12:7420  unknown    unknown  0         unknown       -
        """, result.out());
  }

  @Test
  void status_leaderCannotBind_namesTheCauseAndTheFix() {
    ctl.admin.status = Fixtures.bindFailing();
    CtlHarness.Result result = ctl.run("status");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("""
        cluster:        goldentooth-cp
        node:           allyrion (leader)
        owner:          none (this node leads but cannot bind the VIP: see 'bind failing')
        term:           7
        leader:         allyrion
        quorum:         ok
        last failover:  none observed
        bind failing:   since 2025-06-01T12:00:00.212Z (61 attempts): cannot bind 10.4.0.9 on end0: EPERM \
        (Operation not permitted): the daemon lacks CAP_NET_ADMIN; run it as the shipped unit does \
        (AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW) or as root

        VIP       INTERFACE  BOUND HERE
        10.4.0.9  end0       no

        ID        ADDRESS         ROLE      HEALTH                           PRIORITY  REACHABILITY  LAST CONTACT
        allyrion  10.4.0.10:7420  leader    healthy                          1         reachable     0 ms
        bettley   10.4.0.11:7420  follower  unhealthy (apiserver: HTTP 503)  0         reachable     12 ms
        cargyll   10.4.0.12:7420  follower  unknown                          0         unreachable   4500 ms
        """, result.out());
  }

  @Test
  void status_configDrift_isOneLineNamingTheDifference() {
    ctl.admin.status = Fixtures.drifted();
    CtlHarness.Result result = ctl.run("status");
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("\nlast failover:  2025-06-01T12:00:00.212Z bettley -> allyrion (unowned for 212 ms)\n"
        + "config drift:   peers in /etc/raftvip/raftvip.yaml lack cargyll (10.4.0.12:7420), a member; make them"
        + " match `raftvipctl members` (a node started afresh from this file would seed the wrong members)\n\n"
        + "VIP "), result.out());
  }

  @Test
  void status_json_carriesBindFailureAndDrift() {
    ctl.admin.status = Fixtures.bindFailing().toBuilder().setConfigDrift(Fixtures.drifted().getConfigDrift()).build();
    String json = ctl.run("-o", "json", "status").out();
    assertTrue(json.contains("\"bind_failure\": {"), json);
    assertTrue(json.contains("\"errno\": \"EPERM\""), json);
    assertTrue(json.contains("\"attempts\": \"61\""), json);
    assertTrue(json.contains("\"config_drift\": {"), json);
    assertTrue(json.contains("\"unlisted_members\": [\"cargyll (10.4.0.12:7420)\"]"), json);
  }

  @Test
  void status_json_usesProtoFieldNames() {
    CtlHarness.Result result = ctl.run("status", "-o", "json");
    assertEquals(0, result.exitCode(), result.err());
    String json = result.out();
    assertTrue(json.startsWith("{\n"), json);
    assertTrue(json.contains("\"cluster\": \"goldentooth-cp\""), json);
    assertTrue(json.contains("\"owner_since\": \"2025-06-01T12:00:00.212Z\""), json);
    assertTrue(json.contains("\"term\": \"7\""), json);
    assertTrue(json.contains("\"quorum\": \"QUORUM_OK\""), json);
    assertTrue(json.contains("\"bound_here\": true"), json);
    assertTrue(json.contains("\"last_contact_ms\": \"4500\""), json);
    assertTrue(json.contains("\"unowned\": \"0.212s\""), json);
  }

  @Test
  void status_json_printsDefaults_soScriptsSeeEmptyOwner() {
    ctl.admin.status = Fixtures.quorumLost();
    String json = ctl.run("-o", "json", "status").out();
    assertTrue(json.contains("\"owner\": \"\""), json);
    assertTrue(json.contains("\"leader\": \"\""), json);
    assertTrue(!json.contains("owner_since"), json);
  }

  @Test
  void status_unavailable_exits4WithServerDescription() {
    ctl.admin.failure = Status.UNAVAILABLE.withDescription("no leader elected yet (term 3)");
    CtlHarness.Result result = ctl.run("status");
    assertEquals(4, result.exitCode());
    assertEquals("raftvipctl: no leader elected yet (term 3) (UNAVAILABLE)\n", result.err());
    assertEquals("", result.out());
  }

  @Test
  void status_internal_exits1() {
    ctl.admin.failure = Status.INTERNAL.withDescription("state machine not started");
    CtlHarness.Result result = ctl.run("status");
    assertEquals(1, result.exitCode());
    assertEquals("raftvipctl: internal error in raftvip (INTERNAL): state machine not started\n", result.err());
  }

  @Test
  void status_serverDeadlineExceeded_exits4() {
    ctl.admin.failure = Status.DEADLINE_EXCEEDED.withDescription("read index not confirmed in 3s");
    CtlHarness.Result result = ctl.run("status");
    assertEquals(4, result.exitCode());
    assertEquals("raftvipctl: did not complete in time (DEADLINE_EXCEEDED): read index not confirmed in 3s\n",
        result.err());
  }

  @Test
  void status_serverNeverAnswers_clientDeadlineExits4() {
    ctl.admin.silent = true;
    CtlHarness.Result result = ctl.run("--timeout", "200ms", "status");
    assertEquals(4, result.exitCode());
    assertEquals("raftvipctl: no answer from unix:///run/raftvip/admin.sock within 200 ms"
        + " (DEADLINE_EXCEEDED; try a longer --timeout)\n", result.err());
  }
}
