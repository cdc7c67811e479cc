package io.raftvip.ctl;

import io.raftvip.ctl.output.StatusPrinter;
import io.raftvip.proto.v1.GetStatusRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code raftvipctl status}: the answering node's whole view of the cluster. */
@Command(name = "status", header = "Shows owner, term, leader, quorum, VIPs, members, last failover.", description = {
    "Shows the cluster as the answering node sees it: owner and since when, Raft term, leader, role,",
    "quorum, the VIPs (bound here? on which interface), every member, and the last failover."})
final class StatusCommand implements Callable<Integer> {
  private final Session session;
  private final StatusPrinter printer = new StatusPrinter();

  StatusCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    session.output().show(session.admin().getStatus(GetStatusRequest.getDefaultInstance()), printer::render);
    return ExitCode.OK.code();
  }
}
