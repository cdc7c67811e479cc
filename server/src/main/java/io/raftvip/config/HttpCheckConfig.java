package io.raftvip.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An HTTP GET whose answer must be 2xx; redirects are not followed. An {@code https} URL is
 * verified against {@code ca} or, only when {@code insecure} says so explicitly, not at all.
 *
 * @param name the check's name
 * @param url {@code http://} or {@code https://}, with a host; the port defaults by scheme
 * @param ca PEM file with the CA certificates the server's certificate must chain to; null for
 *     {@code http} and for {@code insecure}
 * @param insecure trust any certificate and skip the host name check ({@code https} only)
 * @param serverName the name the server's certificate must carry instead of the URL's host (and
 *     the SNI name sent), e.g. {@code kubernetes} when the URL names 127.0.0.1; null = the URL's
 *     host. Only with {@code ca}
 */
public record HttpCheckConfig(String name, URI url, Path ca, boolean insecure, String serverName)
    implements CheckConfig {

  public HttpCheckConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    if (isHttps(url) && (ca == null) == !insecure) {
      throw new IllegalArgumentException(name + ": https needs exactly one of ca and insecure");
    }
  }

  @Override
  public String kind() {
    return "http";
  }

  /** @return whether the URL's scheme is {@code https} */
  public static boolean isHttps(URI url) {
    return "https".equalsIgnoreCase(url.getScheme());
  }

  /** @return the port to connect to: the URL's, or 80/443 by scheme */
  public int port() {
    return url.getPort() >= 0 ? url.getPort() : isHttps(url) ? 443 : 80;
  }
}
