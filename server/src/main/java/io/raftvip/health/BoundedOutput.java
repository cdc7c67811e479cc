package io.raftvip.health;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a program's output, keeping only the first bytes. It reads to the end whatever comes, so
 * a program that floods its output never blocks on a full pipe, and memory stays bounded; the
 * rest is counted and dropped.
 */
final class BoundedOutput {

  /** Enough for any first line worth showing, and a few more for a debug log. */
  static final int KEPT_BYTES = 4096;

  private final byte[] kept;
  private int size;
  private long total;

  BoundedOutput(int limit) {
    this.kept = new byte[limit];
  }

  /** Reads {@code in} to its end (or until it fails or is closed), then closes it. */
  void drain(InputStream in) {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        append(buffer, n);
      }
    } catch (IOException e) {
      // The stream was closed under us (the check gave up on it): what was kept still counts.
    }
  }

  synchronized void append(byte[] bytes, int length) {
    int copied = Math.min(length, kept.length - size);
    System.arraycopy(bytes, 0, kept, size, copied);
    size += copied;
    total += length;
  }

  /** @return how many bytes were read in all, kept or not */
  synchronized long total() {
    return total;
  }

  /** @return how many bytes were kept, at most the limit */
  synchronized int keptBytes() {
    return size;
  }

  /** @return the first line that is not blank, stripped; empty when there is none */
  synchronized String firstLine() {
    String text = new String(kept, 0, size, StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return "";
  }
}
