package io.raftvip.ctl;

import io.raftvip.ctl.output.OutputFormat;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command shares. Declared once on the top command and inherited, so they may
 * be written before or after the command name ({@code raftvipctl -o json status} or
 * {@code raftvipctl status -o json}).
 */
final class GlobalOptions {
  @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "ENDPOINT",
      description = {"unix:///PATH or HOST:PORT", "default: $" + Endpoint.ENV + ", else", Endpoint.DEFAULT})
  String endpoint;

  @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
      defaultValue = "table", converter = OutputFormatConverter.class,
      description = "table or json (default: ${DEFAULT-VALUE})")
  OutputFormat output = OutputFormat.TABLE;

  @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", defaultValue = "5s",
      converter = DurationConverter.class,
      description = "deadline of each request, e.g. 500ms, 5s, 1m (default: ${DEFAULT-VALUE}); watch has none")
  Duration timeout = Duration.ofSeconds(5);

  @Option(names = "--tls-cert", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "client certificate (PEM) for mutual TLS to HOST:PORT")
  Path tlsCert;

  @Option(names = "--tls-key", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "client private key (PEM, PKCS#8) for mutual TLS to HOST:PORT")
  Path tlsKey;

  @Option(names = "--tls-ca", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "CA certificate (PEM) that signed the server's certificate")
  Path tlsCa;

  TlsFiles tls() {
    return new TlsFiles(tlsCert, tlsKey, tlsCa);
  }
}
