package io.raftvip.ctl;

import io.raftvip.ctl.output.MembersPrinter;
import io.raftvip.proto.v1.AddMemberRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code raftvipctl member add ID HOST:PORT [--priority N]}: adds a voting member, then shows the members. */
@Command(name = "add", header = "Adds a voting member.", description = {
    "Adds a voting member and prints the new member list.",
    "The new node must already run, started with peers listing the current members plus itself",
    "(never only itself: that would form a separate cluster that binds the VIP too)."})
final class MemberAddCommand implements Callable<Integer> {
  private final Session session;
  private final MembersPrinter printer = new MembersPrinter();

  @Parameters(index = "0", paramLabel = "ID", description = "the new node's id, as in its config")
  private String id;

  @Parameters(index = "1", paramLabel = "HOST:PORT", description = "the new node's Raft address")
  private String address;

  @Option(names = "--priority", paramLabel = "N", defaultValue = "0",
      description = "leadership priority, 0 or more; the highest reachable one leads (default: ${DEFAULT-VALUE})")
  private int priority;

  MemberAddCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    MemberId.check(id);
    HostPort.parse("member address", address);
    if (priority < 0) {
      throw CtlException.usage("invalid --priority " + priority + ": must be 0 or more");
    }
    AddMemberRequest request = AddMemberRequest.newBuilder().setId(id).setAddress(address).setPriority(priority).build();
    session.output().show(session.admin().addMember(request), response -> printer.render(response.getMembersList()));
    return ExitCode.OK.code();
  }
}
