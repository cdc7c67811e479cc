package io.raftvip.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a YAML parser failure into one line with line and column, the parser's own words and,
 * for the usual mistakes, how to fix them. Never a stack trace or a class name.
 */
final class YamlSyntaxError {

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

  private YamlSyntaxError() {}

  static String describe(JsonProcessingException e, String yaml) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher duplicate = DUPLICATE.matcher(original);
    if (duplicate.find()) {
      return "line " + line(e.getLocation()) + ": key '" + duplicate.group(1)
          + "' appears twice in the same mapping";
    }
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
      return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)
          + ": YAML syntax error: " + marked.getProblem() + context + hint(yaml, mark.getLine());
    }
    return "line " + line(e.getLocation()) + ", column " + column(e.getLocation())
        + ": YAML syntax error: " + original.lines().findFirst().orElse("unknown");
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : location.getLineNr();
  }

  private static int column(JsonLocation location) {
    return location == null ? 0 : location.getColumnNr();
  }

  /** A bracketed IPv6 address reads as a YAML list unless quoted: the common trap here. */
  private static String hint(String yaml, int zeroBasedLine) {
    String line = yaml.lines().skip(zeroBasedLine).findFirst().orElse("");
    if (line.matches(".*\\[[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\\]:.*")) {
      return "; quote bracketed IPv6 addresses, e.g. address: '[fd00::10]:7420'";
    }
    if (line.indexOf('\t') >= 0) {
      return "; indent with spaces, not tabs";
    }
    return "";
  }
}
