package io.raftvip.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations, host:port and IP literals as the config writes them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FormatsTest {

  @ParameterizedTest
  @CsvSource({"150ms,150", "1s,1000", "1.5s,1500", "2m,120000", "1h,3600000", "0ms,0",
      "0.25s,250"})
  void duration_parses(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), DurationFormat.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"0,0s", "70,70ms", "999,999ms", "1000,1s", "1500,1.5s", "1250,1.25s", "60000,1m",
      "90000,90s", "3600000,1h"})
  void duration_formatsShortestExactForm(long millis, String text) {
    assertEquals(text, DurationFormat.format(Duration.ofMillis(millis)));
    assertEquals(Duration.ofMillis(millis), DurationFormat.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"70", "1.5", "-5ms", "5 ms", "5sec", "ms", "1e3ms", "1.s"})
  void duration_rejectsMalformed(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DurationFormat.parse(text));
    assertEquals("'" + text + "'", e.getMessage().substring(0, text.length() + 2));
  }

  @Test
  void duration_overflow_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> DurationFormat.parse("99999999999999999h"));
  }

  @ParameterizedTest
  @CsvSource({"10.4.0.10:7420,10.4.0.10,7420", "[fd00::10]:7420,fd00::10,7420",
      "Node1.Example:1,node1.example,1", "localhost:65535,localhost,65535"})
  void hostPort_parses(String text, String host, int port) {
    HostPort parsed = HostPort.parse(text);
    assertEquals(new HostPort(host, port), parsed);
  }

  @Test
  void hostPort_printsIpv6InBrackets() {
    assertEquals("[fd00::10]:7420", new HostPort("fd00::10", 7420).toString());
    assertEquals("10.4.0.10:7420", new HostPort("10.4.0.10", 7420).toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.4.0.10|'10.4.0.10' must be HOST:PORT, e.g. 10.4.0.10:7420",
      "10.4.0.10:|'10.4.0.10:' has port ''; the port must be 1..65535",
      "10.4.0.10:http|'10.4.0.10:http' has port 'http'; the port must be 1..65535",
      "[fd00::10:7420|'[fd00::10:7420' must be [IPV6]:PORT, e.g. [fd00::10]:7420",
      "[10.4.0.10]:7420|'[10.4.0.10]:7420' uses brackets for a non-IPv6 host; write 10.4.0.10:7420",
      "10.4.0.300:7420|'10.4.0.300:7420' has an invalid IP address: '10.4.0.300' is not an IPv4"
          + " address: 300 is over 255",
      "bad_host:7420|'bad_host:7420' has host 'bad_host', neither an IP address nor a valid host"
          + " name"})
  void hostPort_rejectsMalformed(String text, String message) {
    assertEquals(message,
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse(text)).getMessage());
  }

  @ParameterizedTest
  @CsvSource({"fd00:0:0:0:0:0:0:9,fd00::9", "0:0:0:0:0:0:0:1,::1", "fd00:1:0:0:1:0:0:1,fd00:1::1:0:0:1",
      "1:0:2:0:3:0:4:0,1:0:2:0:3:0:4:0", "FE80::ABCD,fe80::abcd", "0:0:0:0:0:0:0:0,::",
      "fd00:0:0:1:2:3:4:0,fd00::1:2:3:4:0", "10.4.0.9,10.4.0.9"})
  void ipLiteral_formatsRfc5952(String text, String expected) throws Exception {
    InetAddress address = IpLiteral.parse(text);
    assertEquals(expected, IpLiteral.format(address));
    assertEquals(address, InetAddress.getByName(expected));
  }

  @Test
  void keySuggestions_findTyposAbbreviationsAndOtherCases() {
    List<String> timing = List.of("election-timeout", "heartbeat", "lease", "vip-lifetime",
        "reconcile");
    assertEquals("lease", KeySuggestions.closest("leese", timing).orElseThrow());
    assertEquals("election-timeout", KeySuggestions.closest("electionTimeout", timing).orElseThrow());
    assertEquals("election-timeout", KeySuggestions.closest("election", timing).orElseThrow());
    assertEquals("heartbeat", KeySuggestions.closest("hearbteat", timing).orElseThrow());
    assertEquals(false, KeySuggestions.closest("zzz", timing).isPresent());
  }
}
