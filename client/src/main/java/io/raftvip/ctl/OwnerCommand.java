package io.raftvip.ctl;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.raftvip.ctl.output.OutputFormat;
import io.raftvip.proto.v1.GetStatusRequest;
import io.raftvip.proto.v1.QuorumState;
import io.raftvip.proto.v1.Status;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code raftvipctl owner}: only the owner's id, for scripts. Without an owner it prints nothing
 * (JSON: {@code {"owner": ""}}) and exits with {@link ExitCode#NO_OWNER}.
 */
@Command(name = "owner", header = "Prints the owner's id only; exit code 3 when there is none.", description = {
    "Prints the id of the node that holds the VIP, and nothing else.",
    "Exits with 3 when no node holds it (no leader, lost lease or quorum)."})
final class OwnerCommand implements Callable<Integer> {
  private final Session session;

  OwnerCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Status status = session.admin().getStatus(GetStatusRequest.getDefaultInstance());
    String owner = status.getOwner();
    if (session.output().format() == OutputFormat.JSON) {
      Struct json = Struct.newBuilder().putFields("owner", Value.newBuilder().setStringValue(owner).build()).build();
      session.output().show(json, s -> owner);
    } else if (!owner.isEmpty()) {
      session.output().text(owner);
    }
    if (owner.isEmpty()) {
      throw new CtlException(ExitCode.NO_OWNER, "no owner: no node holds the VIP" + why(status));
    }
    return ExitCode.OK.code();
  }

  private static String why(Status status) {
    if (status.getQuorum() == QuorumState.QUORUM_LOST) {
      return " (quorum lost)";
    }
    if (status.hasBindFailure()) { // only the leader knows, and says why with the fix
      return " (leader " + status.getLeader() + " cannot bind it: " + status.getBindFailure().getErrno()
          + "; see 'raftvipctl status')";
    }
    return status.getLeader().isEmpty() ? " (no leader)" : " (leader " + status.getLeader() + " not ready yet)";
  }
}
