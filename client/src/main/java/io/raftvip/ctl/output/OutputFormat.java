package io.raftvip.ctl.output;

/** The {@code -o} choices. */
public enum OutputFormat {
  /** Aligned tables and plain lines for people. */
  TABLE,
  /** Proto3 JSON with the .proto field names; one object per line for streams. */
  JSON
}
