package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.raftvip.proto.v1.ListMembersResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MembersCommandTest {
  static final String TABLE = """
      ID        ADDRESS         ROLE      HEALTH                           PRIORITY  REACHABILITY  LAST CONTACT
      allyrion  10.4.0.10:7420  leader    healthy                          1         reachable     0 ms
      bettley   10.4.0.11:7420  follower  unhealthy (apiserver: HTTP 503)  0         reachable     12 ms
      cargyll   10.4.0.12:7420  follower  unknown                          0         unreachable   4500 ms
      """;

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
  void members_printsTable() {
    CtlHarness.Result result = ctl.run("members");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(TABLE, result.out());
  }

  @Test
  void members_empty_saysSo() {
    ctl.admin.members = ListMembersResponse.getDefaultInstance();
    assertEquals("no members\n", ctl.run("members").out());
  }

  @Test
  void members_json() {
    CtlHarness.Result result = ctl.run("members", "-o", "json");
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("{\n  \"members\": [{\n    \"id\": \"allyrion\",\n"), result.out());
    assertTrue(result.out().contains("\"reachability\": \"REACHABILITY_UNREACHABLE\""), result.out());
  }

  @Test
  void members_failedPrecondition_exits1WithDescription() {
    ctl.admin.failure = Status.FAILED_PRECONDITION.withDescription("not the leader; leader is bettley");
    CtlHarness.Result result = ctl.run("members");
    assertEquals(1, result.exitCode());
    assertEquals("raftvipctl: not the leader; leader is bettley\n", result.err());
  }
}
