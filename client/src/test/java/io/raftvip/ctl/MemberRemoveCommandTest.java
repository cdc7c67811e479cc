package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.raftvip.proto.v1.RemoveMemberRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MemberRemoveCommandTest {
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
  void remove_sendsRequest_andPrintsNewMembers() {
    CtlHarness.Result result = ctl.run("member", "remove", "dorne");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(MembersCommandTest.TABLE, result.out());
    assertEquals(List.of(RemoveMemberRequest.newBuilder().setId("dorne").build()), ctl.admin.requests());
  }

  @Test
  void remove_unknownMember_exits2WithServerMessage() {
    ctl.admin.failure = Status.INVALID_ARGUMENT.withDescription("unknown member 'x'");
    CtlHarness.Result result = ctl.run("member", "remove", "x");
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: unknown member 'x'\n", result.err());
  }

  @Test
  void remove_belowMajority_exits1() {
    ctl.admin.failure = Status.FAILED_PRECONDITION
        .withDescription("removing cargyll leaves 1 of 2 members reachable; refusing to lose the majority");
    CtlHarness.Result result = ctl.run("member", "remove", "cargyll");
    assertEquals(1, result.exitCode());
    assertEquals("raftvipctl: removing cargyll leaves 1 of 2 members reachable; refusing to lose the majority\n",
        result.err());
  }

  @Test
  void remove_badId_exits2BeforeAnyRpc() {
    CtlHarness.Result result = ctl.run("member", "remove", "a b");
    assertEquals(2, result.exitCode());
    assertEquals(List.of(), ctl.admin.requests());
  }
}
