package io.raftvip.ctl;

import io.raftvip.ctl.output.MembersPrinter;
import io.raftvip.proto.v1.RemoveMemberRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code raftvipctl member remove ID}: removes a member, then shows the members. */
@Command(name = "remove", header = "Removes a member.", description = {
    "Removes a member and prints the new member list. Removing the owner moves ownership first;",
    "the server refuses to go below a safe majority."})
final class MemberRemoveCommand implements Callable<Integer> {
  private final Session session;
  private final MembersPrinter printer = new MembersPrinter();

  @Parameters(index = "0", paramLabel = "ID", description = "the id of the member to remove")
  private String id;

  MemberRemoveCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    MemberId.check(id);
    RemoveMemberRequest request = RemoveMemberRequest.newBuilder().setId(id).build();
    session.output().show(session.admin().removeMember(request), response -> printer.render(response.getMembersList()));
    return ExitCode.OK.code();
  }
}
