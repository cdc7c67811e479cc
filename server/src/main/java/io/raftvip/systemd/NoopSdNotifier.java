package io.raftvip.systemd;

/** The notifier used when the daemon does not run under systemd: every call does nothing. */
final class NoopSdNotifier implements SdNotifier {

  @Override
  public void ready() {}

  @Override
  public void status(String line) {}

  @Override
  public void watchdog() {}

  @Override
  public void stopping() {}

  @Override
  public String toString() {
    return "NoopSdNotifier";
  }
}
