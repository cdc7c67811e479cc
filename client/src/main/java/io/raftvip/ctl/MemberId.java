package io.raftvip.ctl;

import java.util.regex.Pattern;

/**
 * Client-side check of a node id, with the server's rule, so a typo fails before any RPC with a
 * message that states the rule.
 */
final class MemberId {
  /** The id rule from admin.proto: letters, digits, '-', '_' and '.', at most 63 characters. */
  static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  private MemberId() {}

  /**
   * Returns {@code id} when valid.
   *
   * @throws CtlException (usage) naming the value and the rule
   */
  static String check(String id) {
    if (id == null || !PATTERN.matcher(id).matches()) {
      throw CtlException.usage(
          "invalid member id '" + id + "': must match " + PATTERN.pattern()
              + " (a letter or digit, then letters, digits, '.', '_' or '-'; at most 63 characters)");
    }
    return id;
  }
}
