package io.raftvip.ctl;

import io.raftvip.ctl.output.MembersPrinter;
import io.raftvip.proto.v1.ListMembersRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code raftvipctl members}: the member table. */
@Command(name = "members", header = "Lists the Raft members.", description = "Lists the Raft members: id, address, role, priority, reachability, last contact.")
final class MembersCommand implements Callable<Integer> {
  private final Session session;
  private final MembersPrinter printer = new MembersPrinter();

  MembersCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    session.output().show(session.admin().listMembers(ListMembersRequest.getDefaultInstance()),
        response -> printer.render(response.getMembersList()));
    return ExitCode.OK.code();
  }
}
