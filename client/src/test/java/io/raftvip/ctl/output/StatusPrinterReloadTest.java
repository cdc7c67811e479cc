package io.raftvip.ctl.output;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.raftvip.proto.v1.ReloadResult;
import io.raftvip.proto.v1.Status;
import org.junit.jupiter.api.Test;

/** The status line about the last configuration reload: absent until one happened, loud when refused. */
class StatusPrinterReloadTest {

  private final StatusPrinter printer = new StatusPrinter();

  @Test
  void noReloadYet_noLine() {
    assertFalse(printer.render(Status.newBuilder().setNode("n1").build()).contains("last reload"));
  }

  @Test
  void refusedReload_isSpelledOutWithItsReason() {
    final String text = printer.render(Status.newBuilder().setNode("n1")
        .setLastReloadAt(Timestamp.newBuilder().setSeconds(1_780_000_000))
        .setLastReloadResult(ReloadResult.RELOAD_REFUSED)
        .setLastReloadMessage("the file is invalid, nothing was changed: vips[1].interface: 'eth9' not found")
        .build());

    assertTrue(text.contains("\nlast reload:    2026-05-28T20:26:40.000Z REFUSED: the file is invalid, nothing was"
        + " changed: vips[1].interface: 'eth9' not found\n"), text);
  }

  @Test
  void appliedReload_saysWhat() {
    final String text = printer.render(Status.newBuilder().setNode("n1")
        .setLastReloadResult(ReloadResult.RELOAD_APPLIED).setLastReloadMessage("no live changes").build());

    assertTrue(text.contains("\nlast reload:    applied: no live changes\n"), text);
  }
}
