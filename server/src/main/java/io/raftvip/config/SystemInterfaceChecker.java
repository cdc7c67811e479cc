package io.raftvip.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the interfaces of the network namespace this process runs in, from {@code /proc/net/dev}.
 * That file has every interface, up or down, with or without addresses, while {@link
 * NetworkInterface} misses interfaces that carry no address yet (a VIP interface may well have
 * none). Without procfs it falls back to {@link NetworkInterface}.
 */
public final class SystemInterfaceChecker implements InterfaceChecker {

  private final Path procNetDev;

  /** Reads {@code /proc/net/dev}. */
  public SystemInterfaceChecker() {
    this(Path.of("/proc/net/dev"));
  }

  /** @param procNetDev a file in {@code /proc/net/dev} format (tests pass a copy) */
  public SystemInterfaceChecker(Path procNetDev) {
    this.procNetDev = procNetDev;
  }

  @Override
  public List<String> existingInterfaces() {
    try {
      return parse(Files.readAllLines(procNetDev));
    } catch (NoSuchFileException e) {
      return fromJava();
    } catch (IOException e) {
      throw new UncheckedIOException("read " + procNetDev, e);
    }
  }

  /** Two header lines, then {@code "  name: counters..."} per interface. */
  static List<String> parse(List<String> lines) {
    List<String> names = new ArrayList<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0 && !line.contains("|")) {
        names.add(line.substring(0, colon).strip());
      }
    }
    return names;
  }

  private static List<String> fromJava() {
    try {
      return NetworkInterface.networkInterfaces().map(NetworkInterface::getName).toList();
    } catch (SocketException e) {
      throw new UncheckedIOException(new IOException("list network interfaces: " + e.getMessage(), e));
    }
  }
}
