package io.raftvip.ctl;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code raftvipctl member}: the group of membership changes; alone it is a usage error. */
@Command(name = "member", header = "Adds or removes a Raft member (member add|remove).",
    description = "Changes the Raft membership: member add ID HOST:PORT [--priority N], member remove ID.",
    subcommands = {MemberAddCommand.class, MemberRemoveCommand.class})
final class MemberCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: add or remove");
  }
}
