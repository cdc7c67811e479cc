package io.raftvip.ctl;

import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code raftvipctl transfer [--to ID]}: moves ownership gracefully; prints "ownership moved: A -> B". */
@Command(name = "transfer", header = "Moves ownership to another node, gracefully.", description = {
    "Moves ownership gracefully: the owner releases the VIP, then hands leadership over",
    "to --to ID, or to the best follower."})
final class TransferCommand implements Callable<Integer> {
  private final Session session;

  @Option(names = "--to", paramLabel = "ID", description = "the node that should become owner (default: the best follower)")
  private String to;

  TransferCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    TransferOwnershipRequest.Builder request = TransferOwnershipRequest.newBuilder();
    if (to != null) {
      request.setTo(MemberId.check(to));
    }
    session.output().show(session.admin().transferOwnership(request.build()), TransferCommand::moved);
    return ExitCode.OK.code();
  }

  private static String moved(TransferOwnershipResponse response) {
    return "ownership moved: " + orNone(response.getPreviousOwner()) + " -> " + orNone(response.getOwner()) + "\n";
  }

  private static String orNone(String id) {
    return id.isEmpty() ? "none" : id;
  }
}
