package io.raftvip.ctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TablePrinterTest {
  @Test
  void alignsColumns_withoutTrailingBlanks() {
    String text = new TablePrinter(List.of("A", "LONGER", "C")).row("xxxx", "y", "").row("z", "", "w").render();
    assertEquals("A     LONGER  C\nxxxx  y\nz             w\n", text);
  }

  @Test
  void wrongCellCount_isABug() {
    assertThrows(IllegalArgumentException.class, () -> new TablePrinter(List.of("A", "B")).row("x"));
  }
}
