package io.raftvip.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The example file ships its {@code health} section commented out (no gating is the default);
 * this uncomments it, so tests can prove that what the example documents is a valid config.
 */
final class ExampleHealthBlock {

  static final Path EXAMPLE = Path.of("..", "systemd", "raftvip.example.yaml");

  private ExampleHealthBlock() {}

  /** @return the example file with its {@code #health:} block uncommented */
  static String uncommented() throws IOException {
    List<String> lines = new ArrayList<>();
    boolean inBlock = false;
    for (String line : Files.readAllLines(EXAMPLE)) {
      inBlock = inBlock ? line.startsWith("#") : line.equals("#health:");
      lines.add(inBlock ? line.substring(1) : line);
    }
    String yaml = String.join("\n", lines) + "\n";
    if (!yaml.contains("\nhealth:\n")) {
      throw new IllegalStateException(EXAMPLE + " has no '#health:' block to uncomment");
    }
    return yaml;
  }
}
