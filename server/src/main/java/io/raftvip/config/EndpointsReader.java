package io.raftvip.config;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code admin} (unix socket, optional TCP listener and TLS) and {@code metrics}. */
final class EndpointsReader {

  /** sun_path is 108 bytes including the terminating NUL. */
  private static final int MAX_SOCKET_PATH_BYTES = 107;
  private static final List<String> ADMIN_KEYS = List.of("socket", "listen", "tls", "allow");
  private static final List<String> TLS_KEYS = List.of("cert", "key", "ca");
  private static final List<String> METRICS_KEYS = List.of("listen");

  /** @return the admin endpoints, defaults when absent; null when invalid (reported) */
  AdminConfig admin(ConfigNode key) {
    if (key.isAbsent()) {
      return AdminConfig.defaults();
    }
    if (!key.mapping(ADMIN_KEYS, "{ socket: /run/raftvip/admin.sock, listen: 127.0.0.1:7421 }")) {
      return null;
    }
    ConfigNode socketKey = key.child("socket");
    Path socket = socketKey.isAbsent() ? AdminConfig.DEFAULT_SOCKET : socketKey.absolutePath();
    if (socket != null && socket.toString().getBytes(UTF_8).length > MAX_SOCKET_PATH_BYTES) {
      socketKey.problem("'" + socket + "' is " + socket.toString().getBytes(UTF_8).length
          + " bytes long; a unix socket path can have at most " + MAX_SOCKET_PATH_BYTES);
      socket = null;
    }
    ConfigNode listenKey = key.child("listen");
    HostPort listen = listen(listenKey);
    ConfigNode tlsKey = key.child("tls");
    TlsConfig tls = tls(tlsKey);
    boolean listenOk = listenKey.isAbsent() || listenKey.isOff() || listen != null;
    boolean tlsOk = tlsKey.isAbsent() || tls != null;
    List<String> allow = allow(key.child("allow"), tlsKey.isAbsent());
    return socket != null && listenOk && tlsOk && allow != null
        ? new AdminConfig(socket, listen, tls, allow) : null;
  }

  /**
   * {@code admin.allow}: names a client certificate must carry (CN or a subject alternative name)
   * to make changes over TCP.
   *
   * @return the names, empty when absent; null when invalid (reported)
   */
  private static List<String> allow(ConfigNode key, boolean noTls) {
    if (key.isAbsent()) {
      return List.of();
    }
    List<ConfigNode> entries = key.list("[ ops-laptop, 10.4.0.50 ]");
    if (entries == null) {
      return null;
    }
    if (noTls && !entries.isEmpty()) {
      key.problem("names client certificates, so it needs admin.tls (and admin.listen): without TLS"
          + " no client has an identity to check");
      return null;
    }
    List<String> names = new ArrayList<>();
    for (ConfigNode entry : entries) {
      String name = entry.string();
      if (name == null) {
        continue;
      }
      if (name.isBlank() || !name.strip().equals(name)) {
        entry.problem("'" + name + "' must be a certificate name (a CN, DNS name, IP address or URI)"
            + " without surrounding spaces");
        continue;
      }
      names.add(name);
    }
    return names.size() == entries.size() ? names : null;
  }

  /** @return the metrics endpoint, off when absent or {@code off}; null when invalid (reported) */
  MetricsConfig metrics(ConfigNode key) {
    if (key.isAbsent() || key.isOff()) {
      return MetricsConfig.off();
    }
    if (!key.mapping(METRICS_KEYS, "{ listen: 127.0.0.1:9742 }")) {
      return null;
    }
    ConfigNode listenKey = key.child("listen");
    HostPort listen = listen(listenKey);
    return listen != null || listenKey.isAbsent() || listenKey.isOff()
        ? new MetricsConfig(listen) : null;
  }

  /** @return the endpoint; null when absent, {@code off} or invalid (reported) */
  private static HostPort listen(ConfigNode key) {
    if (key.isAbsent() || key.isOff()) {
      return null;
    }
    String text = key.string();
    if (text == null) {
      return null;
    }
    try {
      return HostPort.parse(text);
    } catch (IllegalArgumentException e) {
      key.problem(e.getMessage() + "; or write off");
      return null;
    }
  }

  private static TlsConfig tls(ConfigNode key) {
    if (!key.mapping(TLS_KEYS, "{ cert: /etc/raftvip/tls/node.crt, key: ..., ca: ... }")) {
      return null;
    }
    Path cert = pemFile(key.child("cert"), "this node's certificate chain");
    Path privateKey = pemFile(key.child("key"), "this node's private key");
    Path ca = pemFile(key.child("ca"), "the CA that signed every member and admin client");
    return cert != null && privateKey != null && ca != null
        ? new TlsConfig(cert, privateKey, ca) : null;
  }

  private static Path pemFile(ConfigNode key, String what) {
    if (key.isAbsent()) {
      key.problem("is required when tls is given (" + what + ", a PEM file)");
      return null;
    }
    return key.absolutePath();
  }
}
