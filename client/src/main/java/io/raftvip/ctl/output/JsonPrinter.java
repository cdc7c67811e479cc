package io.raftvip.ctl.output;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

/**
 * Proto3 JSON of the API messages, with the field names of admin.proto ({@code owner_since},
 * {@code last_failover}) so the JSON matches the documented schema, and with default values
 * printed ({@code "owner": ""}, {@code "term": "0"}) so scripts never see a missing key for a
 * scalar. As in every proto3 JSON mapping, int64 values are strings and enums are their names.
 */
public final class JsonPrinter {
  private final JsonFormat.Printer pretty =
      JsonFormat.printer().preservingProtoFieldNames().includingDefaultValueFields();
  private final JsonFormat.Printer compact = pretty.omittingInsignificantWhitespace();

  /** An indented, multi-line JSON object. */
  public String pretty(MessageOrBuilder message) {
    return print(pretty, message);
  }

  /** A one-line JSON object, for JSON-lines streams. */
  public String line(MessageOrBuilder message) {
    return print(compact, message);
  }

  private static String print(JsonFormat.Printer printer, MessageOrBuilder message) {
    try {
      return printer.print(message);
    } catch (InvalidProtocolBufferException e) {
      // Only Any fields with unknown types fail; admin.proto has none, so this is a bug.
      throw new IllegalStateException("cannot print " + message.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
