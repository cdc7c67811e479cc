package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OwnerCommandTest {
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
  void owner_printsOnlyTheId() {
    CtlHarness.Result result = ctl.run("owner");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("allyrion\n", result.out());
    assertEquals("", result.err());
  }

  @Test
  void owner_none_exits3WithNothingOnStdout() {
    ctl.admin.status = Fixtures.quorumLost();
    CtlHarness.Result result = ctl.run("owner");
    assertEquals(3, result.exitCode());
    assertEquals("", result.out());
    assertEquals("raftvipctl: no owner: no node holds the VIP (quorum lost)\n", result.err());
  }

  @Test
  void owner_noneWhileLeaderNotReady_namesTheLeader() {
    ctl.admin.status = Fixtures.status().toBuilder().clearOwner().clearOwnerSince().build();
    CtlHarness.Result result = ctl.run("owner");
    assertEquals(3, result.exitCode());
    assertEquals("raftvipctl: no owner: no node holds the VIP (leader allyrion not ready yet)\n", result.err());
  }

  @Test
  void owner_noneWhileTheLeaderCannotBind_saysSo() {
    ctl.admin.status = Fixtures.bindFailing();
    CtlHarness.Result result = ctl.run("owner");
    assertEquals(3, result.exitCode());
    assertEquals("raftvipctl: no owner: no node holds the VIP (leader allyrion cannot bind it: EPERM; see"
        + " 'raftvipctl status')\n", result.err());
  }

  @Test
  void owner_json() {
    CtlHarness.Result result = ctl.run("owner", "-o", "json");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("{\n  \"owner\": \"allyrion\"\n}\n", result.out());
  }

  @Test
  void owner_jsonWithoutOwner_printsEmptyOwnerAndExits3() {
    ctl.admin.status = Fixtures.quorumLost();
    CtlHarness.Result result = ctl.run("owner", "-o", "json");
    assertEquals(3, result.exitCode());
    assertEquals("{\n  \"owner\": \"\"\n}\n", result.out());
  }

  @Test
  void owner_unavailable_exits4() {
    ctl.admin.failure = Status.UNAVAILABLE.withDescription("no quorum");
    assertEquals(4, ctl.run("owner").exitCode());
  }
}
