package io.raftvip.health;

import io.raftvip.config.HostPort;
import io.raftvip.config.HttpCheckConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * GET a URL; a 2xx answer is healthy. HTTP/1.1, no proxy, redirects not followed (a 3xx is
 * unhealthy: {@code /readyz} answers directly, a redirect means something else answers there).
 * A failure's reason carries the status and the telling line of the body, e.g. {@code HTTP 503:
 * [-]etcd failed: reason withheld} from a Kubernetes API server.
 */
final class HttpCheck implements HealthCheck {

  private static final int KEPT_BODY = 4096;
  private static final int SHOWN_BODY = 120;

  private final String name;
  private final URI url;
  private final HttpClient client;
  /** Explains a failed connect, which the JDK's client reports without saying why. */
  private final TcpCheck connect;

  private HttpCheck(String name, URI url, int port, HttpClient client) {
    this.name = name;
    this.url = url;
    this.client = client;
    String host = url.getHost();
    this.connect = new TcpCheck(name, new HostPort(host.startsWith("[")
        ? host.substring(1, host.length() - 1) : host, port));
  }

  /**
   * @param config the check
   * @param timeout also the connect timeout of its client
   * @throws IOException when its CA file cannot be read or parsed (the message names the file)
   * @throws GeneralSecurityException when TLS cannot be set up
   */
  static HttpCheck create(HttpCheckConfig config, Duration timeout)
      throws IOException, GeneralSecurityException {
    HttpClient.Builder client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .proxy(HttpClient.Builder.NO_PROXY) // a local endpoint; http.proxyHost must not apply
        .connectTimeout(timeout);
    if (HttpCheckConfig.isHttps(config.url())) {
      SSLContext context = TlsContexts.forCheck(config);
      client.sslContext(context).sslParameters(parameters(context, config));
    }
    return new HttpCheck(config.name(), config.url(), config.port(), client.build());
  }

  /** SNI for server-name; the client puts the URL's host there itself when it is a name. */
  private static SSLParameters parameters(SSLContext context, HttpCheckConfig config) {
    SSLParameters parameters = context.getDefaultSSLParameters();
    String serverName = config.serverName();
    if (serverName != null && CertificateNames.ipLiteral(serverName) == null) {
      parameters.setServerNames(List.of(new SNIHostName(serverName)));
    }
    return parameters;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CheckResult run(Duration timeout) {
    Stopwatch watch = Stopwatch.start();
    HttpRequest request = HttpRequest.newBuilder(url).GET().timeout(timeout)
        .header("User-Agent", "raftvip-health-check").build();
    AtomicReference<BoundedBody> body = new AtomicReference<>();
    CompletableFuture<HttpResponse<byte[]>> response;
    try {
      response = client.sendAsync(request, info -> {
        BoundedBody subscriber = new BoundedBody(KEPT_BODY);
        body.set(subscriber);
        return subscriber;
      });
    } catch (RuntimeException e) {
      return CheckResult.failed(Failures.describe(e, timeout), watch.elapsed());
    }
    try {
      HttpResponse<byte[]> answer =
          response.get(Math.max(1, watch.remaining(timeout).toNanos()), TimeUnit.NANOSECONDS);
      return verdict(answer, watch.elapsed());
    } catch (TimeoutException e) {
      abandon(response, body.get());
      return CheckResult.failed(Failures.timedOut(timeout), watch.elapsed());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ConnectException
          && Failures.innermostMessage(e.getCause()) == null) {
        return CheckResult.failed(whyNoConnection(watch, timeout), watch.elapsed());
      }
      return CheckResult.failed(failure(e.getCause(), timeout), watch.elapsed());
    } catch (InterruptedException e) {
      abandon(response, body.get());
      Thread.currentThread().interrupt();
      return CheckResult.failed("interrupted (the monitor is stopping)", watch.elapsed());
    }
  }

  private static CheckResult verdict(HttpResponse<byte[]> answer, Duration took) {
    int status = answer.statusCode();
    if (status >= 200 && status <= 299) {
      return CheckResult.passed("HTTP " + status, took);
    }
    if (status >= 300 && status <= 399) {
      String target = answer.headers().firstValue("Location").map(l -> " to " + l).orElse("");
      return CheckResult.failed("HTTP " + status + ", a redirect" + target
          + " (redirects are not followed)", took);
    }
    return CheckResult.failed("HTTP " + status + telling(answer.body()), took);
  }

  /** Kubernetes lists its readiness checks one per line, failed ones marked {@code [-]}. */
  private static String telling(byte[] body) {
    String first = null;
    for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
      String stripped = line.strip();
      if (stripped.startsWith("[-]")) {
        first = stripped;
        break;
      }
      if (first == null && !stripped.isEmpty()) {
        first = stripped;
      }
    }
    if (first == null) {
      return "";
    }
    return ": " + (first.length() > SHOWN_BODY ? first.substring(0, SHOWN_BODY - 3) + "..." : first);
  }

  /**
   * The JDK's client says only {@code ConnectException} (over a ClosedChannelException), whether
   * the port refused or the route failed; one plain connect tells which.
   */
  private String whyNoConnection(Stopwatch watch, Duration timeout) {
    Duration left = watch.remaining(timeout);
    if (left.isNegative() || left.isZero()) {
      return "cannot connect";
    }
    CheckResult again = connect.run(left);
    return again.healthy() ? "cannot connect (a second attempt connected)" : again.reason();
  }

  private static String failure(Throwable cause, Duration timeout) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return "TLS handshake failed: " + Failures.innermostMessage(t);
      }
    }
    return Failures.describe(cause, timeout);
  }

  private static void abandon(CompletableFuture<?> response, BoundedBody body) {
    response.cancel(true);
    if (body != null) {
      body.cancel();
    }
  }
}
