package io.raftvip.ctl;

import io.raftvip.ctl.output.EventPrinter;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.WatchRequest;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code raftvipctl watch}: prints events as they arrive, one line each (JSON lines with
 * {@code -o json}), until the server closes the stream or the user presses Ctrl-C.
 */
@Command(name = "watch", header = "Streams events as they happen, one line each.", description = {
    "Streams ownership, membership, leader and quorum events, one line each, starting with a",
    "snapshot. Ends on Ctrl-C or when the server closes the stream. --timeout does not apply."})
final class WatchCommand implements Callable<Integer> {
  private final Session session;
  private final EventPrinter printer = new EventPrinter();

  WatchCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Iterator<Event> events = session.watcher().watch(WatchRequest.getDefaultInstance());
    while (events.hasNext()) {
      session.output().showLine(events.next(), printer::line);
    }
    return ExitCode.OK.code();
  }
}
