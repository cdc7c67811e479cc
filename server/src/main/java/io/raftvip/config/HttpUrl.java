package io.raftvip.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URL of an http check: {@code http://} or {@code https://}, a host, and a port that is
 * either given (1..65535) or the scheme's default. Nothing is resolved: a config check must not
 * depend on DNS.
 */
final class HttpUrl {

  private static final String EXAMPLE = "e.g. https://127.0.0.1:6443/readyz";

  private HttpUrl() {}

  /**
   * @param text the URL as written
   * @return the parsed URL
   * @throws IllegalArgumentException naming the text and the rule it breaks
   */
  static URI parse(String text) {
    int separator = text.indexOf("://");
    if (separator < 0) {
      throw bad(text, "has no scheme; it must start with http:// or https://, " + EXAMPLE);
    }
    String scheme = text.substring(0, separator).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw bad(text, "has scheme '" + text.substring(0, separator)
          + "'; only http:// and https:// are checked, " + EXAMPLE);
    }
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw bad(text, "is not a valid URL: " + e.getReason() + " at character " + (e.getIndex() + 1));
    }
    if (url.getHost() == null) {
      throw bad(text, "has no host (or a host a URL cannot have, e.g. with '_'); " + EXAMPLE);
    }
    if (url.getRawUserInfo() != null) {
      throw bad(text, "has user information before '@'; credentials in the URL are not sent");
    }
    if (url.getPort() == 0 || url.getPort() > 65535) {
      throw bad(text, "has port " + url.getPort() + "; the port must be 1..65535");
    }
    if (url.getRawFragment() != null) {
      throw bad(text, "has a fragment ('#" + url.getRawFragment() + "'), which is never sent to the"
          + " server; remove it");
    }
    return url;
  }

  private static IllegalArgumentException bad(String text, String rule) {
    return new IllegalArgumentException("'" + text + "' " + rule);
  }
}
