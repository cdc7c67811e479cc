package io.raftvip.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * A named Linux network namespace for integration tests, driven with {@code ip netns}.
 *
 * <p>Typical use in an {@code *IT} class tagged {@code netns}:
 * <pre>{@code
 * @BeforeAll static void checkHost() { Netns.requireRootAndNetns(); }
 *
 * try (Netns a = Netns.create("rvn-"); Netns b = Netns.create("rvn-")) {
 *   Netns.veth(a, "va", b, "vb");                     // both ends up
 *   a.exec("ip", "addr", "add", "10.213.0.1/24", "dev", "va");
 *   String out = b.exec("ip", "-o", "addr");          // throws on non-zero exit
 *   AddressManager m = a.runIn(() -> new NetlinkAddressManager(libc)); // socket lives in a
 * }
 * }</pre>
 *
 * <p>{@link #runIn(Callable)} runs Java code on a fresh thread that has first joined the
 * namespace with {@code setns(2)}: a socket opened there stays in that namespace for its whole
 * life, whichever thread uses it later. That is how tests drive the real netlink and packet
 * sockets inside a namespace from the test JVM. Beware: {@code /proc/net/*} (and so parts of
 * {@link java.net.NetworkInterface}) show the process's namespace, not the thread's; read
 * {@code /proc/thread-self/net/*} inside {@code runIn} instead.
 *
 * <p>Names are {@code prefix + random suffix + "-p" + the creating process's pid}; always create
 * with your own prefix and close (try-with-resources or {@code @AfterAll}); {@link
 * #deleteAll(String)} removes leftovers of crashed runs, and only theirs: the same tests may be
 * running from another checkout on the same machine. Veth and bridge ports are created directly
 * inside the namespaces, so nothing touches the host's own interfaces.
 */
public final class Netns implements AutoCloseable {

  /** Default time limit for one command. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

  private final String name;

  private Netns(String name) {
    this.name = name;
  }

  /**
   * Creates a namespace named {@code prefix} plus a random 6-hex-digit suffix and {@code -pPID}
   * (this JVM's pid, so {@link #deleteAll} can tell a leftover from a namespace in use), with
   * {@code lo} up.
   */
  public static Netns create(String prefix) {
    String name = prefix + Integer.toHexString(0x100000 + ThreadLocalRandom.current().nextInt(0xEFFFFF))
        + "-p" + ProcessHandle.current().pid();
    NetnsCommand.run(COMMAND_TIMEOUT, "ip", "netns", "add", name).orThrow();
    Netns ns = new Netns(name);
    try {
      ns.exec("ip", "link", "set", "lo", "up");
    } catch (RuntimeException e) {
      ns.close();
      throw e;
    }
    return ns;
  }

  /** @return the namespace name, as in {@code /run/netns/NAME} */
  public String name() {
    return name;
  }

  /**
   * Runs a command inside the namespace ({@code ip netns exec NAME ...}).
   *
   * @return its standard output
   * @throws IllegalStateException naming the command, exit code and stderr when it fails or times out
   */
  public String exec(String... command) {
    return run(command).orThrow().stdout();
  }

  /** Runs a command inside the namespace and returns its result whatever the exit code. */
  public NetnsCommand.Result run(String... command) {
    return run(COMMAND_TIMEOUT, command);
  }

  /** As {@link #run(String...)} with an explicit time limit. */
  public NetnsCommand.Result run(Duration timeout, String... command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
    full.addAll(List.of(command));
    return NetnsCommand.run(timeout, full.toArray(String[]::new));
  }

  /** Runs code on a fresh thread inside this namespace; see {@link #runIn(String, Callable)}. */
  public <T> T runIn(Callable<T> code) {
    return runIn(name, code);
  }

  /**
   * Runs code on a fresh thread that first joins {@code /run/netns/NAME} with {@code setns(2)},
   * waits for it (at most 60 s) and returns its result. Sockets the code opens belong to that
   * namespace for good. Exceptions thrown by the code are rethrown (checked ones wrapped).
   */
  public static <T> T runIn(String nsName, Callable<T> code) {
    Objects.requireNonNull(code, "code");
    FutureTask<T> task = new FutureTask<>(() -> {
      SetnsLibC.enterNetns(nsName);
      return code.call();
    });
    Thread thread = new Thread(task, "netns-" + nsName);
    thread.setDaemon(true);
    thread.start();
    try {
      return task.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("runIn(" + nsName + ") failed: " + cause, cause);
    } catch (TimeoutException e) {
      thread.interrupt();
      throw new IllegalStateException("runIn(" + nsName + ") did not finish within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for runIn(" + nsName + ")", e);
    }
  }

  /**
   * Creates a veth pair with one end ({@code ifA}) in {@code a} and the other ({@code ifB}) in
   * {@code b}, both up. Interface names are at most 15 characters.
   */
  public static void veth(Netns a, String ifA, Netns b, String ifB) {
    a.exec("ip", "link", "add", ifA, "type", "veth", "peer", "name", ifB, "netns", b.name);
    a.exec("ip", "link", "set", ifA, "up");
    b.exec("ip", "link", "set", ifB, "up");
  }

  /**
   * Makes this namespace a switch: a bridge {@code bridge} with one veth port per node; port
   * {@code i} is {@code bridge + "p" + i} here and {@code nodeIf} in {@code nodes.get(i)}. All up.
   * The bridge has no address, so it only forwards between the nodes.
   */
  public void bridge(String bridge, String nodeIf, List<Netns> nodes) {
    exec("ip", "link", "add", bridge, "type", "bridge");
    exec("ip", "link", "set", bridge, "up");
    for (int i = 0; i < nodes.size(); i++) {
      String port = bridge + "p" + i;
      Netns node = nodes.get(i);
      exec("ip", "link", "add", port, "type", "veth", "peer", "name", nodeIf, "netns", node.name);
      exec("ip", "link", "set", port, "master", bridge, "up");
      node.exec("ip", "link", "set", nodeIf, "up");
    }
  }

  /** Deletes the namespace (and so its interfaces); harmless when already gone. */
  @Override
  public void close() {
    if (Files.exists(Path.of("/run/netns", name))) {
      NetnsCommand.run(COMMAND_TIMEOUT, "ip", "netns", "del", name);
    }
  }

  /**
   * Deletes the leftovers of crashed runs: every namespace whose name starts with {@code prefix}
   * and whose creating process (the {@code -pPID} suffix of {@link #create}) is gone. Namespaces
   * of a live process — the same test running from another checkout — and names without that
   * suffix are left alone.
   */
  public static void deleteAll(String prefix) {
    if (prefix == null || prefix.length() < 3) {
      throw new IllegalArgumentException("refusing to delete namespaces by a prefix this short: " + prefix);
    }
    String list = NetnsCommand.run(COMMAND_TIMEOUT, "ip", "netns", "list").stdout();
    for (String line : list.split("\n")) {
      String ns = line.split(" ")[0].trim();
      if (ns.startsWith(prefix) && creatorGone(ns)) {
        NetnsCommand.run(COMMAND_TIMEOUT, "ip", "netns", "del", ns);
      }
    }
  }

  /** @return whether {@code name} ends in {@code -pPID} and no process PID exists */
  static boolean creatorGone(String name) {
    int at = name.lastIndexOf("-p");
    String pid = at < 0 ? "" : name.substring(at + 2);
    if (pid.isEmpty() || pid.length() > 18 || !pid.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return ProcessHandle.of(Long.parseLong(pid)).isEmpty();
  }

  /**
   * Aborts the calling test (class) LOUDLY unless we are root and {@code ip netns} works: prints
   * the reason to stderr and throws JUnit's {@code TestAbortedException}. Call from {@code @BeforeAll}.
   */
  public static void requireRootAndNetns() {
    String reason = missingPrerequisite();
    if (reason != null) {
      System.err.println("!!!!! SKIPPING network-namespace integration tests: " + reason + " !!!!!");
      Assumptions.abort("network-namespace integration tests need root and ip netns: " + reason);
    }
  }

  private static String missingPrerequisite() {
    try {
      String status = Files.readString(Path.of("/proc/self/status"), StandardCharsets.US_ASCII);
      boolean root = status.lines().anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
      if (!root) {
        return "not running as root (effective uid != 0)";
      }
    } catch (IOException e) {
      return "cannot read /proc/self/status: " + e;
    }
    try {
      NetnsCommand.Result r = NetnsCommand.run(COMMAND_TIMEOUT, "ip", "netns", "list");
      if (r.exitCode() != 0) {
        return "'ip netns list' exited " + r.exitCode() + ": " + r.stderr().trim();
      }
    } catch (RuntimeException e) {
      return "'ip netns' is not usable: " + e.getMessage();
    }
    return null;
  }

  @Override
  public String toString() {
    return "netns " + name;
  }
}
