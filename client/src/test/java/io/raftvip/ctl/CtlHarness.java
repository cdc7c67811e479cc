package io.raftvip.ctl;

import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs raftvipctl against a {@link FakeAdmin} behind an in-process server; records what the CLI opened. */
final class CtlHarness implements AutoCloseable {
  final FakeAdmin admin = new FakeAdmin();
  final List<Endpoint> opened = new ArrayList<>();
  private final String name = InProcessServerBuilder.generateName();
  private final Server server;

  CtlHarness() throws IOException {
    server = InProcessServerBuilder.forName(name).directExecutor().addService(admin).build().start();
  }

  /** The outcome of one invocation. */
  record Result(int exitCode, String out, String err) {}

  Result run(String... args) {
    return run(Map.of(), args);
  }

  Result run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ChannelOpener opener = (endpoint, tls) -> {
      tls.check(endpoint);
      opened.add(endpoint);
      return InProcessChannelBuilder.forName(name).directExecutor().build();
    };
    int code = RaftvipCtl.run(args, env, opener, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs with the real channel builder, for endpoints that are not the fake. */
  static Result runReal(String... args) {
    return runReal(Map.of(), args);
  }

  /** Like {@link #runReal(String...)} with this environment. */
  static Result runReal(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RaftvipCtl.run(args, env, new AdminChannels(), new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination();
  }
}
