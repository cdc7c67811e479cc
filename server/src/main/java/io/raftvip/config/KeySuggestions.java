package io.raftvip.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the key an operator probably meant: {@code peer} → {@code peers}, {@code prio} →
 * {@code priority}, {@code election_timeout} → {@code election-timeout}.
 */
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
      String normalized = normalize(candidate);
      // An abbreviation (prio, election) is as telling as a typo.
      int distance = wanted.length() >= 3 && normalized.startsWith(wanted)
          ? 0 : distance(wanted, normalized);
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

  /** Edit distance counting a swap of neighbours (levle → level) as one typo. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
