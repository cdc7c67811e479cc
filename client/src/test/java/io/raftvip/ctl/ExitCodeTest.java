package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The enum is the one definition; the docs must say the same. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ExitCodeTest {
  @Test
  void codesAreDistinct() {
    assertEquals(ExitCode.values().length, Arrays.stream(ExitCode.values()).mapToInt(ExitCode::code).distinct().count());
  }

  @Test
  void readmeAndManualListEveryCode() throws Exception {
    // Surefire runs in the module directory (client/).
    for (Path doc : new Path[] {Path.of("README.md"), Path.of("../docs/raftvipctl.md")}) {
      String text = Files.readString(doc);
      for (ExitCode code : ExitCode.values()) {
        String row = "| " + code.code() + " | `" + code.name() + "` | " + code.description() + " |";
        assertTrue(text.contains(row), doc + " lacks the row\n" + row);
      }
    }
  }
}
