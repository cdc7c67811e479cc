package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransferCommandTest {
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
  void transfer_toBestFollower_printsMove() {
    CtlHarness.Result result = ctl.run("transfer");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("ownership moved: allyrion -> bettley\n", result.out());
    assertEquals(List.of(TransferOwnershipRequest.getDefaultInstance()), ctl.admin.requests());
  }

  @Test
  void transfer_to_sendsTarget() {
    assertEquals(0, ctl.run("transfer", "--to", "bettley").exitCode());
    assertEquals(List.of(TransferOwnershipRequest.newBuilder().setTo("bettley").build()), ctl.admin.requests());
  }

  @Test
  void transfer_json() {
    CtlHarness.Result result = ctl.run("transfer", "-o", "json");
    assertEquals("{\n  \"owner\": \"bettley\",\n  \"previous_owner\": \"allyrion\"\n}\n", result.out());
  }

  @Test
  void transfer_badTarget_exits2BeforeAnyRpc() {
    assertEquals(2, ctl.run("transfer", "--to", "../etc").exitCode());
    assertEquals(List.of(), ctl.admin.requests());
  }

  @Test
  void transfer_noLeader_exits4() {
    ctl.admin.failure = Status.UNAVAILABLE.withDescription("no leader: quorum lost (1 of 3 reachable)");
    CtlHarness.Result result = ctl.run("transfer");
    assertEquals(4, result.exitCode());
    assertEquals("raftvipctl: no leader: quorum lost (1 of 3 reachable) (UNAVAILABLE)\n", result.err());
  }

  @Test
  void transfer_sentToANodeWithoutLeader_printsItsAccount_exits4() {
    ctl.admin.failure = Status.UNAVAILABLE.withDescription("cannot transfer ownership: no leader: quorum lost?"
        + " members reachable from here: cargyll (this node); not reachable: allyrion (10.4.0.10:7420 no answer)");
    CtlHarness.Result result = ctl.run("transfer");
    assertEquals(4, result.exitCode());
    assertEquals("raftvipctl: cannot transfer ownership: no leader: quorum lost? members reachable from here:"
        + " cargyll (this node); not reachable: allyrion (10.4.0.10:7420 no answer) (UNAVAILABLE)\n", result.err());
  }

  @Test
  void transfer_leaderUnreachableFromTheFollower_isNotCalledNoLeader_exits4() {
    ctl.admin.failure = Status.UNAVAILABLE.withDescription("cannot reach the leader allyrion at 10.4.0.10:7420 to"
        + " transfer ownership: connection refused");
    CtlHarness.Result result = ctl.run("transfer");
    assertEquals(4, result.exitCode());
    assertEquals("raftvipctl: cannot reach the leader allyrion at 10.4.0.10:7420 to transfer ownership: connection"
        + " refused (UNAVAILABLE)\n", result.err());
  }

  @Test
  void transfer_unknownTarget_exits2() {
    ctl.admin.failure = Status.INVALID_ARGUMENT.withDescription("unknown member 'zed'");
    CtlHarness.Result result = ctl.run("transfer", "--to", "zed");
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: unknown member 'zed'\n", result.err());
  }
}
