package io.raftvip.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One place in the YAML tree with its key path ({@code peers[1].id}). Reading a value checks its
 * YAML type and reports a problem naming the path and the value instead of throwing, so reading
 * carries on and every problem of the file is found in one pass.
 */
final class ConfigNode {

  private final JsonNode value;
  private final String path;
  private final Problems problems;

  private ConfigNode(JsonNode value, String path, Problems problems) {
    this.value = value;
    this.path = path;
    this.problems = problems;
  }

  static ConfigNode root(JsonNode tree, Problems problems) {
    return new ConfigNode(tree, "", problems);
  }

  String path() {
    return path;
  }

  /** @return true when the key is not in the file at all */
  boolean isAbsent() {
    return value == null || value.isMissingNode();
  }

  /** @return the value under {@code key}, absent when this is not a mapping or lacks the key */
  ConfigNode child(String key) {
    JsonNode child = value != null && value.isObject() ? value.get(key) : null;
    return new ConfigNode(child, path.isEmpty() ? key : path + "." + key, problems);
  }

  /** Adds a problem at this path. */
  void problem(String message) {
    problems.add(path, message);
  }

  /**
   * Checks that this is a mapping whose keys are all allowed; reports each unknown key.
   *
   * @return false when absent or not a mapping (the latter reported)
   */
  boolean mapping(List<String> allowed, String example) {
    return mapping(allowed, List.of(), example);
  }

  /**
   * Like {@link #mapping(List, String)}, but keys in {@code reportedElsewhere} are neither
   * reported nor offered as allowed: the caller has a better message for them.
   */
  boolean mapping(List<String> allowed, List<String> reportedElsewhere, String example) {
    if (isAbsent() || !present()) {
      return false;
    }
    if (!value.isObject()) {
      problem("expected a mapping like " + example + ", got " + shown());
      return false;
    }
    for (Iterator<String> keys = value.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!allowed.contains(key) && !reportedElsewhere.contains(key)) {
        String where = path.isEmpty() ? "at top level" : "at " + path;
        String hint = KeySuggestions.closest(key, allowed)
            .map(s -> " (did you mean '" + s + "'?)")
            .orElse("; allowed here: " + String.join(", ", allowed));
        problems.add("", "unknown key '" + key + "' " + where + hint);
      }
    }
    return true;
  }

  /** @return the keys of a mapping whose keys are free-form; null when absent or not a mapping */
  List<String> keys(String example) {
    if (isAbsent() || !present()) {
      return null;
    }
    if (!value.isObject()) {
      problem("expected a mapping like " + example + ", got " + shown());
      return null;
    }
    List<String> keys = new ArrayList<>();
    value.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** @return the entries, each with its indexed path; null when absent or not a list (reported) */
  List<ConfigNode> list(String example) {
    if (isAbsent() || !present()) {
      return null;
    }
    if (!value.isArray()) {
      problem("expected a list like " + example + ", got " + shown());
      return null;
    }
    List<ConfigNode> entries = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      entries.add(new ConfigNode(value.get(i), path + "[" + i + "]", problems));
    }
    return entries;
  }

  /** @return the text; null when absent or not text (reported: YAML may have read a number) */
  String string() {
    if (isAbsent() || !present()) {
      return null;
    }
    if (!value.isTextual()) {
      String hint = value.isBoolean()
          ? " (YAML reads unquoted yes, no, on, off, true, false as booleans); quote it"
          : value.isNumber() ? "; quote it if it is meant as text" : "";
      problem("expected text, got " + describeType() + hint);
      return null;
    }
    return value.textValue();
  }

  /** @return the text, or null with an "is required" problem when absent */
  String requiredString(String what) {
    if (isAbsent()) {
      problem("is required (" + what + ")");
      return null;
    }
    return string();
  }

  /** @return the integer in [min, max]; null when absent or not (reported with {@code rule}) */
  Integer integer(int min, int max, String rule) {
    if (isAbsent() || !present()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()
        || value.intValue() < min || value.intValue() > max) {
      problem(shown() + " must be an integer " + min + ".." + max + " (" + rule + ")");
      return null;
    }
    return value.intValue();
  }

  /** @return the boolean; null when absent or not a boolean (reported) */
  Boolean bool() {
    if (isAbsent() || !present()) {
      return null;
    }
    if (!value.isBoolean()) {
      problem("expected true or false, got " + shown());
      return null;
    }
    return value.booleanValue();
  }

  /** @return the duration; null when absent or invalid (reported). A bare {@code 0} is zero. */
  Duration duration() {
    if (isAbsent() || !present()) {
      return null;
    }
    try {
      if (value.isNumber()) {
        if (value.isIntegralNumber() && value.asLong() == 0) {
          return Duration.ZERO; // zero is zero in any unit
        }
        throw DurationFormat.noUnit(value.asText());
      }
      if (!value.isTextual()) {
        problem("expected a duration like 150ms, got " + shown());
        return null;
      }
      return DurationFormat.parse(value.textValue());
    } catch (IllegalArgumentException e) {
      problem(e.getMessage());
      return null;
    }
  }

  /** @return the absolute path; null when absent or invalid (reported) */
  Path absolutePath() {
    String text = string();
    if (text == null) {
      return null;
    }
    if (!text.startsWith("/")) {
      // The daemon's working directory depends on how it was started; systemd makes it /.
      problem("'" + text + "' must be an absolute path");
      return null;
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      problem("'" + text + "' is not a valid path: " + e.getReason());
      return null;
    }
  }

  /** @return true for {@code off} (YAML reads an unquoted off as the boolean false) */
  boolean isOff() {
    return value != null
        && ((value.isBoolean() && !value.booleanValue())
            || (value.isTextual() && value.textValue().equals("off")));
  }

  /** A key written with no value is a mistake, not a request for the default. */
  private boolean present() {
    if (value.isNull()) {
      problem("has no value; give one, or remove the key where a default exists");
      return false;
    }
    return true;
  }

  private String describeType() {
    if (value.isBoolean()) {
      return "the boolean " + value.asText();
    }
    return value.isNumber() ? "the number " + value.asText() : shown();
  }

  /** @return the value as an operator would recognise it in a message */
  String shown() {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "nothing";
    }
    if (value.isTextual()) {
      return "'" + value.textValue() + "'";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    return value.asText();
  }
}
