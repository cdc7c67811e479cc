package io.raftvip.health;

import io.raftvip.config.HostPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Connects to {@code HOST:PORT} and closes the connection at once: the port accepts. */
final class TcpCheck implements HealthCheck {

  private final String name;
  private final HostPort address;

  TcpCheck(String name, HostPort address) {
    this.name = name;
    this.address = address;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CheckResult run(Duration timeout) {
    Stopwatch watch = Stopwatch.start();
    // A host name is resolved here, with the system's resolver and its own timeout; the monitor
    // cuts the check off if that takes longer than ours.
    InetSocketAddress target = new InetSocketAddress(address.host(), address.port());
    if (target.isUnresolved()) {
      return CheckResult.failed("cannot resolve '" + address.host() + "'", watch.elapsed());
    }
    long left = watch.remaining(timeout).toMillis();
    if (left <= 0) {
      return CheckResult.failed(Failures.timedOut(timeout), watch.elapsed());
    }
    try (Socket socket = new Socket()) {
      socket.connect(target, (int) Math.min(Integer.MAX_VALUE, left));
      return CheckResult.passed("connected to " + address, watch.elapsed());
    } catch (IOException e) {
      return CheckResult.failed(Failures.describe(e, timeout), watch.elapsed());
    }
  }
}
