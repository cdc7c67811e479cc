package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EndpointTest {
  @Test
  void unixForms_allMeanTheSamePath() {
    for (String text : new String[] {"unix:///run/raftvip/admin.sock", "unix:/run/raftvip/admin.sock",
        "/run/raftvip/admin.sock"}) {
      Endpoint endpoint = Endpoint.parse(text);
      assertTrue(endpoint.isUnix(), text);
      assertEquals("unix:///run/raftvip/admin.sock", endpoint.unixTarget(), text);
    }
  }

  @Test
  void hostPort_isTcp() {
    Endpoint endpoint = Endpoint.parse("10.4.0.10:7421");
    assertEquals(new HostPort("10.4.0.10", 7421), endpoint.hostPort());
  }

  @Test
  void relativeUnixPath_isRejected() {
    CtlException e = assertThrows(CtlException.class, () -> Endpoint.parse("unix:admin.sock"));
    assertEquals("invalid --endpoint 'unix:admin.sock': a Unix socket needs an absolute path"
        + " (unix:///run/raftvip/admin.sock)", e.getMessage());
  }

  @Test
  void tls_certNeedsKey_andNoTlsOnUnix() {
    Endpoint tcp = Endpoint.parse("10.4.0.10:7421");
    new TlsFiles(Path.of("c"), Path.of("k"), null).check(tcp);
    new TlsFiles(null, null, Path.of("ca")).check(tcp);
    assertThrows(CtlException.class, () -> new TlsFiles(null, Path.of("k"), null).check(tcp));
    assertThrows(CtlException.class, () -> new TlsFiles(null, null, Path.of("ca")).check(Endpoint.parse("/x.sock")));
  }
}
