package io.raftvip.ctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.EventType;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EventPrinterTest {
  private final EventPrinter printer = new EventPrinter();

  @Test
  void longestType_fitsTheColumn() {
    Event event = Event.newBuilder().setType(EventType.EVENT_QUORUM_REGAINED).setMessage("3 of 3 reachable").build();
    assertEquals("-  QUORUM_REGAINED  3 of 3 reachable", printer.line(event));
  }

  @Test
  void bindFailedAndConfigDrift_printTheirNamesAndTheCause() {
    Event bind = Event.newBuilder().setType(EventType.EVENT_BIND_FAILED)
        .setMessage("cannot bind 10.4.0.9 on end0: EPERM (Operation not permitted): the daemon lacks CAP_NET_ADMIN").build();
    assertEquals("-  BIND_FAILED      cannot bind 10.4.0.9 on end0: EPERM (Operation not permitted): the daemon lacks"
        + " CAP_NET_ADMIN", printer.line(bind));
    Event drift = Event.newBuilder().setType(EventType.EVENT_CONFIG_DRIFT).setMessage("config drift: ...").build();
    assertEquals("-  CONFIG_DRIFT     config drift: ...", printer.line(drift));
  }

  @Test
  void unknownTypes_printReadably() {
    assertEquals("-  UNSPECIFIED", printer.line(Event.getDefaultInstance()));
    assertEquals("-  UNKNOWN", printer.line(Event.newBuilder().setTypeValue(99).build()));
  }
}
