package io.raftvip.net.netlink;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.raftvip.proto.v1.AdminGrpc;
import io.raftvip.testing.Netns;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A one-member raftvip cluster in a namespace, its daemon started by {@code bin/raftvip run} under
 * {@code setpriv} without CAP_NET_ADMIN in its bounding set (so even root lacks it), as a daemon
 * started outside the shipped unit would be: it leads, and cannot bind its VIP. Its sd_notify
 * messages go to {@code notifySocket}; its admin socket and log are files in {@code dir}.
 */
final class UnprivilegedDaemon implements AutoCloseable {

  static final String VIP = "10.213.3.100";
  static final int METRICS_PORT = 9742;

  private final Netns ns;
  private final Path dir;
  private final Process process;
  private final ManagedChannel channel;

  /**
   * @param vipInterface an interface of {@code ns} to bind the VIP on
   * @param watchdogUsec what the daemon finds in WATCHDOG_USEC, as systemd would set it
   */
  UnprivilegedDaemon(Netns ns, String vipInterface, Path dir, Path notifySocket, long watchdogUsec)
      throws IOException {
    this.ns = ns;
    this.dir = dir;
    Files.writeString(config(), String.join("\n",
        "cluster: pv",
        "node: n1",
        "peers:",
        "  - { id: n1, address: 127.0.0.1:7420 }",
        "vips:",
        "  - { address: " + VIP + ", interface: " + vipInterface + " }",
        "storage: " + dir.resolve("data"),
        "admin: { socket: " + socket() + " }",
        "metrics: { listen: 127.0.0.1:" + METRICS_PORT + " }",
        ""));
    final Path server = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    final List<String> command = List.of("ip", "netns", "exec", ns.name(), "setpriv", "--inh-caps=-all",
        "--bounding-set=-net_admin", server.getParent().resolve("bin/raftvip").toString(), "run", "--config",
        config().toString());
    final ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    pb.environment().keySet()
        .removeAll(List.of("RAFTVIP_CDS_DIR", "RAFTVIP_JAVA_OPTS", "JOURNAL_STREAM", "INVOCATION_ID"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("NOTIFY_SOCKET", notifySocket.toString());
    pb.environment().put("WATCHDOG_USEC", Long.toString(watchdogUsec));
    this.process = pb.start();
    this.channel = Grpc.newChannelBuilder("unix://" + socket(), InsecureChannelCredentials.create()).build();
  }

  Path config() {
    return dir.resolve("raftvip.yaml");
  }

  Path socket() {
    return dir.resolve("admin.sock");
  }

  Path log() {
    return dir.resolve("daemon.log");
  }

  /** @return the daemon's log so far */
  String logText() {
    try {
      return Files.exists(log()) ? Files.readString(log()) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  boolean running() {
    return process.isAlive();
  }

  /** @return a blocking stub with a deadline of {@code seconds} */
  AdminGrpc.AdminBlockingStub admin(long seconds) {
    return AdminGrpc.newBlockingStub(channel).withDeadlineAfter(seconds, TimeUnit.SECONDS);
  }

  /** @return an asynchronous stub, for Watch */
  AdminGrpc.AdminStub watcher() {
    return AdminGrpc.newStub(channel);
  }

  /** @return the Prometheus exposition, fetched inside the namespace (the endpoint is on its loopback) */
  String scrape() {
    return ns.runIn(() -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", METRICS_PORT), 2000);
        s.setSoTimeout(5000);
        final OutputStream out = s.getOutputStream();
        out.write(("GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        final InputStream in = s.getInputStream();
        final String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return response.substring(response.indexOf("\r\n\r\n") + 4);
      }
    });
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
  }
}
