package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.raftvip.proto.v1.AddMemberRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MemberAddCommandTest {
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
  void add_sendsRequest_andPrintsNewMembers() {
    CtlHarness.Result result = ctl.run("member", "add", "cargyll", "10.4.0.12:7420", "--priority", "2");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(MembersCommandTest.TABLE, result.out());
    assertEquals(List.of(AddMemberRequest.newBuilder().setId("cargyll").setAddress("10.4.0.12:7420").setPriority(2).build()),
        ctl.admin.requests());
  }

  @Test
  void add_ipv6Address_isAccepted() {
    assertEquals(0, ctl.run("member", "add", "dorne", "[fd00::13]:7420").exitCode());
  }

  @Test
  void add_json_printsMembersResponse() {
    CtlHarness.Result result = ctl.run("-o", "json", "member", "add", "cargyll", "10.4.0.12:7420");
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("\"members\": ["), result.out());
  }

  @Test
  void add_badId_exits2BeforeAnyRpc() {
    CtlHarness.Result result = ctl.run("member", "add", "bad!id", "10.4.0.12:7420");
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: invalid member id 'bad!id': must match [A-Za-z0-9][A-Za-z0-9._-]{0,62}"
        + " (a letter or digit, then letters, digits, '.', '_' or '-'; at most 63 characters)\n", result.err());
    assertEquals(List.of(), ctl.admin.requests());
    assertEquals(List.of(), ctl.opened);
  }

  @Test
  void add_tooLongId_exits2() {
    assertEquals(2, ctl.run("member", "add", "a".repeat(64), "10.4.0.12:7420").exitCode());
    assertEquals(0, ctl.run("member", "add", "a".repeat(63), "10.4.0.12:7420").exitCode());
  }

  @Test
  void add_badAddress_exits2BeforeAnyRpc() {
    CtlHarness.Result result = ctl.run("member", "add", "cargyll", "10.4.0.12");
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: invalid member address '10.4.0.12': missing host or port"
        + " (expected HOST:PORT, e.g. 10.4.0.11:7420 or [fd00::11]:7420)\n", result.err());
    assertEquals(List.of(), ctl.admin.requests());
  }

  @Test
  void add_portOutOfRange_exits2() {
    CtlHarness.Result result = ctl.run("member", "add", "cargyll", "10.4.0.12:70000");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("port 70000 is outside 1..65535"), result.err());
  }

  @Test
  void add_negativePriority_exits2() {
    CtlHarness.Result result = ctl.run("member", "add", "cargyll", "10.4.0.12:7420", "--priority", "-1");
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: invalid --priority -1: must be 0 or more\n", result.err());
  }

  @Test
  void add_missingAddress_exits2WithHint() {
    CtlHarness.Result result = ctl.run("member", "add", "cargyll");
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: Missing required parameter: 'HOST:PORT' (see 'raftvipctl member add --help')\n",
        result.err());
  }

  @Test
  void add_serverInvalidArgument_exits2() {
    ctl.admin.failure = Status.INVALID_ARGUMENT.withDescription("member 'cargyll' already exists");
    CtlHarness.Result result = ctl.run("member", "add", "cargyll", "10.4.0.12:7420");
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: member 'cargyll' already exists\n", result.err());
  }

  @Test
  void add_notLeader_exits1WithLeader() {
    ctl.admin.failure = Status.FAILED_PRECONDITION.withDescription("not the leader; leader is bettley");
    CtlHarness.Result result = ctl.run("member", "add", "cargyll", "10.4.0.12:7420");
    assertEquals(1, result.exitCode());
    assertEquals("raftvipctl: not the leader; leader is bettley\n", result.err());
  }

  @Test
  void member_withoutSubcommand_exits2() {
    CtlHarness.Result result = ctl.run("member");
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: missing subcommand: add or remove (see 'raftvipctl member --help')\n", result.err());
  }
}
