package io.raftvip.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the keys of one http check: the URL, and for https the explicit trust decision (a CA
 * file that must exist and parse, or {@code insecure: true}) and the optional server name.
 */
final class HttpCheckReader {

  private static final String CA_RULE =
      "ca must be the PEM file of the CA that signed the server's certificate";

  private final ConfigNode entry;

  HttpCheckReader(ConfigNode entry) {
    this.entry = entry;
  }

  HttpCheckConfig read(String name) {
    ConfigNode urlKey = entry.child("url");
    String text = urlKey.requiredString("what to GET, e.g. https://127.0.0.1:6443/readyz");
    URI url = null;
    if (text != null) {
      try {
        url = HttpUrl.parse(text);
      } catch (IllegalArgumentException e) {
        urlKey.problem(e.getMessage());
      }
    }
    ConfigNode caKey = entry.child("ca");
    Path ca = caKey.isAbsent() ? null : caFile(caKey);
    ConfigNode insecureKey = entry.child("insecure");
    Boolean insecure = insecureKey.isAbsent() ? Boolean.FALSE : insecureKey.bool();
    ConfigNode serverNameKey = entry.child("server-name");
    String serverName = serverNameKey.isAbsent() ? null : serverName(serverNameKey);
    boolean read = url != null && (caKey.isAbsent() || ca != null) && insecure != null
        && (serverNameKey.isAbsent() || serverName != null);
    if (!read || !combination(url, caKey, insecure, serverNameKey)) {
      return null;
    }
    return name == null ? null : new HttpCheckConfig(name, url, ca, insecure, serverName);
  }

  /** https needs an explicit trust decision; the TLS keys mean nothing for plain http. */
  private boolean combination(URI url, ConfigNode caKey, boolean insecure,
      ConfigNode serverNameKey) {
    boolean https = HttpCheckConfig.isHttps(url);
    if (!https) {
      for (ConfigNode key : List.of(caKey, serverNameKey)) {
        if (!key.isAbsent()) {
          key.problem("is only used with https:// URLs; the url is " + url);
          return false;
        }
      }
      if (insecure) {
        entry.child("insecure").problem("is only used with https:// URLs; the url is " + url);
        return false;
      }
      return true;
    }
    if (caKey.isAbsent() && !insecure) {
      entry.problem(url + " needs either ca: FILE (the PEM file of the CA that signed the"
          + " server's certificate) or insecure: true (no certificate or host name check at"
          + " all); neither is given");
      return false;
    }
    if (!caKey.isAbsent() && insecure) {
      entry.problem("gives both ca and insecure: true; give ca to verify the server, or"
          + " insecure: true to skip verification, not both");
      return false;
    }
    if (!serverNameKey.isAbsent() && insecure) {
      serverNameKey.problem("is only used with ca; insecure: true checks no names");
      return false;
    }
    return true;
  }

  /**
   * A CA file that does not exist yet is accepted: a kubeadm node's cluster CA appears only at
   * {@code kubeadm init}/{@code join}, after the VIP must be up, and until then the check fails
   * saying so. One that exists must be a readable PEM certificate: that is a mistake now.
   */
  private static Path caFile(ConfigNode key) {
    Path file = key.absolutePath();
    if (file == null) {
      return null;
    }
    if (!java.nio.file.Files.exists(file)) {
      return file;
    }
    try {
      PemCertificates.read(file);
      return file;
    } catch (IOException e) {
      key.problem(e.getMessage() + "; " + CA_RULE);
      return null;
    }
  }

  private static String serverName(ConfigNode key) {
    String name = key.string();
    if (name == null) {
      return null;
    }
    if (name.contains(":") || name.matches("[0-9.]+")) {
      try {
        IpLiteral.parse(name);
        return name;
      } catch (IllegalArgumentException e) {
        key.problem(e.getMessage());
        return null;
      }
    }
    if (!HostPort.HOST_NAME.matcher(name).matches()) {
      key.problem("'" + name + "' is neither a host name nor an IP address; give the name the"
          + " server's certificate carries, e.g. kubernetes");
      return null;
    }
    return name;
  }
}
