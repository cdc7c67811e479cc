package io.raftvip.admin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RequestValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {"n1", "N", "9", "bettley", "node-1.rack_2",
      "a23456789012345678901234567890123456789012345678901234567890123"})
  void validIds(String id) {
    assertDoesNotThrow(() -> RequestValidator.checkId("id", id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-n1", ".n1", "_n1", "n 1", "n1/", "nö",
      "a234567890123456789012345678901234567890123456789012345678901234"})
  void invalidIds(String id) {
    assertInvalid(() -> RequestValidator.checkId("id", id), "id '" + id + "' is invalid: must match");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.213.0.1:9870", "n1:1", "n1.example.com:65535", "[fd00::1]:9870",
      "[::1]:7421", "[::ffff:10.0.0.1]:80", "localhost:9870"})
  void validAddresses(String address) {
    assertDoesNotThrow(() -> RequestValidator.checkAddress("address", address));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "n1", "n1:", ":9870", "n1:0", "n1:65536", "n1:-1", "n1:+80",
      "n1:9870x", "fd00::1:9870", "[fd00::1]", "[]:80", "[fd00::zz]:80", "[fe80::1%eth0]:80",
      "[n1]:80", "999.1.1.1:80", "10.0.0:80", "-n1:80", "n1-:80", "n_1:80", "n1..x:80", "n1.:80"})
  void invalidAddresses(String address) {
    assertInvalid(() -> RequestValidator.checkAddress("address", address),
        "address '" + address + "' is invalid: must be HOST:PORT");
  }

  @Test
  void priorityRange() {
    assertDoesNotThrow(() -> RequestValidator.checkPriority("priority", 0));
    assertDoesNotThrow(() -> RequestValidator.checkPriority("priority", 100));
    assertInvalid(() -> RequestValidator.checkPriority("priority", -1), "priority '-1' is invalid: must be 0..100");
    assertInvalid(() -> RequestValidator.checkPriority("priority", 101), "priority '101' is invalid");
  }

  private static void assertInvalid(Runnable check, String messageStart) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, check::run);
    assertEquals(Code.INVALID_ARGUMENT, e.getStatus().getCode());
    String description = e.getStatus().getDescription();
    assertEquals(messageStart, description.substring(0, Math.min(messageStart.length(), description.length())),
        description);
  }
}
