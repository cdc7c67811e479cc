package io.raftvip.ctl.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders rows as left-aligned columns separated by two spaces, with an upper-case header line.
 * Lines carry no trailing blanks, so the output diffs and greps cleanly.
 */
public final class TablePrinter {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column headers. */
  public TablePrinter(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  /**
   * Adds one row.
   *
   * @throws IllegalArgumentException when the cell count differs from the header count (a bug)
   */
  public TablePrinter row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  /** The header and every row, each line ending in a newline. */
  public String render() {
    int[] widths = new int[headers.size()];
    measure(headers, widths);
    rows.forEach(row -> measure(row, widths));
    StringBuilder text = new StringBuilder();
    append(text, headers, widths);
    rows.forEach(row -> append(text, row, widths));
    return text.toString();
  }

  private static void measure(List<String> cells, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      widths[i] = Math.max(widths[i], cells.get(i).length());
    }
  }

  private static void append(StringBuilder text, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line.append(cells.get(i));
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
      }
    }
    text.append(line.toString().stripTrailing()).append('\n');
  }
}
