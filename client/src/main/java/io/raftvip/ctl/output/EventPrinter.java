package io.raftvip.ctl.output;

import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.EventType;

/**
 * One line per watched event: time, type, the server's message.
 *
 * <pre>
 * 2025-01-02T03:04:05.123Z  OWNER_CHANGED    owner allyrion -> bettley
 * </pre>
 *
 * The type column is padded to the longest type so streams line up.
 */
public final class EventPrinter {
  private static final int TYPE_WIDTH = "QUORUM_REGAINED".length();

  /** The event as one line, without the newline. */
  public String line(Event event) {
    String type = String.format("%-" + TYPE_WIDTH + "s", type(event.getType()));
    String at = event.hasAt() ? TimeText.instant(event.getAt()) : "-";
    return (at + "  " + type + "  " + event.getMessage()).stripTrailing();
  }

  private static String type(EventType type) {
    if (type == EventType.UNRECOGNIZED) {
      return "UNKNOWN";
    }
    String name = type.name();
    return name.startsWith("EVENT_TYPE_") ? name.substring("EVENT_TYPE_".length())
        : name.substring("EVENT_".length());
  }
}
