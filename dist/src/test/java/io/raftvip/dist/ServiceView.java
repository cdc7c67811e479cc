package io.raftvip.dist;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** raftvip.service inside the container, as systemctl and /proc show it. */
final class ServiceView {

  static final String UNIT = "raftvip.service";
  private static final Duration T = Duration.ofSeconds(30);

  private final SystemdContainer container;

  ServiceView(SystemdContainer container) {
    this.container = container;
  }

  /** {@code systemctl show -p …} as a map. */
  Map<String, String> show(String... properties) {
    final Sh.Result r = container.exec(T, "systemctl show " + UNIT + " -p " + String.join(",", properties)).check();
    final Map<String, String> values = new HashMap<>();
    r.out().lines().filter(l -> l.contains("=")).forEach(l -> values.put(l.substring(0, l.indexOf('=')),
        l.substring(l.indexOf('=') + 1)));
    return values;
  }

  String get(String property) {
    return show(property).getOrDefault(property, "");
  }

  String activeState() {
    return get("ActiveState");
  }

  /** The main process' pid in the container's pid namespace; 0 when there is none. */
  long mainPid() {
    return Long.parseLong(get("MainPID"));
  }

  int restarts() {
    return Integer.parseInt(get("NRestarts"));
  }

  /** A time span property of the unit ({@code WatchdogUSec}, {@code RestartUSec}, …). */
  Duration span(String property) {
    return TimeSpan.parse(get(property));
  }

  /** {@code /proc/PID/status} of the main process. */
  String procStatus() {
    return container.exec(T, "cat /proc/" + mainPid() + "/status").check().out();
  }

  boolean awaitActive(Duration deadline) {
    return Sh.await(deadline, () -> activeState().equals("active"));
  }

  /** Waits for the unit to be active with a main process other than {@code oldPid}. */
  boolean awaitRestarted(long oldPid, Duration deadline) {
    return Sh.await(deadline, () -> {
      final Map<String, String> s = show("ActiveState", "MainPID");
      return s.get("ActiveState").equals("active") && Long.parseLong(s.get("MainPID")) != oldPid
          && Long.parseLong(s.get("MainPID")) != 0;
    });
  }

  String journal(String since) {
    return container.exec(T, "journalctl --no-pager -o short-precise -u " + UNIT + " --since '" + since + "'").out();
  }

  /** systemd time spans as {@code systemctl show} prints them: {@code 1min 30s}, {@code 500ms}, {@code 10s}. */
  static final class TimeSpan {
    private TimeSpan() {
    }

    static Duration parse(String text) {
      if (text.equals("infinity")) {
        return Duration.ofDays(1);
      }
      Duration total = Duration.ZERO;
      for (String part : text.strip().split("\\s+")) {
        final String number = part.replaceAll("[a-z]+$", "");
        final String unit = part.substring(number.length());
        final double n = Double.parseDouble(number);
        final long micros = switch (unit) {
          case "us" -> 1;
          case "ms" -> 1_000;
          case "s", "" -> 1_000_000;
          case "min" -> 60_000_000;
          case "h" -> 3_600_000_000L;
          default -> throw new IllegalArgumentException("time span '" + text + "': unit '" + unit + "'");
        };
        total = total.plusNanos((long) (n * micros * 1000));
      }
      return total;
    }
  }
}
