package io.raftvip.ctl.output;

import com.google.protobuf.MessageOrBuilder;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Writes answers to standard output in the chosen format: JSON straight from the message, or
 * the human text a printer renders from it. Commands decide what to show, this decides how.
 */
public final class Output {
  private final OutputFormat format;
  private final PrintWriter out;
  private final JsonPrinter json = new JsonPrinter();

  /** Writes to {@code out} in {@code format}. */
  public Output(OutputFormat format, PrintWriter out) {
    this.format = format;
    this.out = out;
  }

  /** The chosen format. */
  public OutputFormat format() {
    return format;
  }

  /** Shows one answer: indented JSON, or {@code text(message)} (which ends in a newline). */
  public <T extends MessageOrBuilder> void show(T message, Function<T, String> text) {
    out.print(format == OutputFormat.JSON ? json.pretty(message) + "\n" : text.apply(message));
    out.flush();
  }

  /** Shows one item of a stream as one line: compact JSON or {@code line(message)}; flushed at once. */
  public <T extends MessageOrBuilder> void showLine(T message, Function<T, String> line) {
    out.println(format == OutputFormat.JSON ? json.line(message) : line.apply(message));
    out.flush();
  }

  /** A plain text line, the same in every format (e.g. the owner's id). */
  public void text(String line) {
    out.println(line);
    out.flush();
  }
}
