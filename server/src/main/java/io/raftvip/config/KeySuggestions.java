package io.raftvip.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the key an operator probably meant: {@code peer} → {@code peers}, {@code election_timeout} → {@code election-timeout}. */
final class KeySuggestions {

  private KeySuggestions() {}

  /**
   * @param unknown the key found in the file
   * @param known the keys allowed at that place
   * @return the closest allowed key, if one is close enough to be a likely typo
   */
  static Optional<String> closest(String unknown, Collection<String> known) {
    String wanted = normalize(unknown);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(wanted, normalize(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int tolerated = Math.max(1, wanted.length() / 3);
    return bestDistance <= tolerated ? Optional.ofNullable(best) : Optional.empty();
  }

  /** camelCase and snake_case spellings count as the kebab-case key they stand for. */
  private static String normalize(String key) {
    return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
