package io.raftvip.reload;

import java.time.Instant;
import java.util.Objects;

/**
 * What one reload did.
 *
 * @param at when it ended
 * @param result applied, partly applied, or refused
 * @param message one line: what was applied, which keys need a restart, or why the file was refused
 */
public record ReloadOutcome(Instant at, Result result, String message) {

  /** The kinds of outcome; see the proto's ReloadResult. */
  public enum Result {
    /** Every difference was applied (or there was none). */
    APPLIED,
    /** The live keys were applied; keys only a restart changes were refused and named. */
    PARTIAL,
    /** Nothing was applied: a bad file or unusable TLS files. */
    REFUSED;

    /** @return the label of the reload counter ({@code applied}, {@code partial}, {@code refused}) */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ReloadOutcome {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(message, "message");
  }
}
