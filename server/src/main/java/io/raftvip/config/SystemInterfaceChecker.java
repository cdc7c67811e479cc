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

  private static final Path IPV6_CONF = Path.of("/proc/sys/net/ipv6/conf");

  private final Path procNetDev;
  private final Path ipv6Conf;

  /** Reads {@code /proc/net/dev} and {@code /proc/sys/net/ipv6/conf}. */
  public SystemInterfaceChecker() {
    this(Path.of("/proc/net/dev"));
  }

  /** @param procNetDev a file in {@code /proc/net/dev} format (tests pass a copy) */
  public SystemInterfaceChecker(Path procNetDev) {
    this(procNetDev, IPV6_CONF);
  }

  /** @param ipv6Conf a directory laid out as {@code /proc/sys/net/ipv6/conf} (tests pass a copy) */
  SystemInterfaceChecker(Path procNetDev, Path ipv6Conf) {
    this.procNetDev = procNetDev;
    this.ipv6Conf = ipv6Conf;
  }

  /**
   * {@inheritDoc} From {@code disable_ipv6} under {@code /proc/sys/net/ipv6/conf/NAME}; without
   * that directory the kernel has no IPv6 at all ({@code ipv6.disable=1}).
   */
  @Override
  public String ipv6Unavailable(String name) {
    if (!Files.isDirectory(ipv6Conf)) {
      return "IPv6 is disabled on this host (there is no " + ipv6Conf + "; booted with ipv6.disable=1?)";
    }
    try {
      if (Files.readString(ipv6Conf.resolve(name).resolve("disable_ipv6")).strip().equals("1")) {
        return "IPv6 is disabled on '" + name + "' (net.ipv6.conf." + name + ".disable_ipv6 = 1)";
      }
    } catch (IOException e) {
      // Unreadable or absent: nothing known against it; binding will tell.
    }
    return null;
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
