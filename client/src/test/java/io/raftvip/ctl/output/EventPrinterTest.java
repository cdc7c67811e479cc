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
  void unknownTypes_printReadably() {
    assertEquals("-  UNSPECIFIED", printer.line(Event.getDefaultInstance()));
    assertEquals("-  UNKNOWN", printer.line(Event.newBuilder().setTypeValue(99).build()));
  }
}
