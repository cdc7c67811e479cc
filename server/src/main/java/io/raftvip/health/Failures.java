package io.raftvip.health;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * Short reasons for failed network attempts: {@code connection refused}, {@code timed out after
 * 1000 ms}, {@code cannot resolve 'apiserver.local'}. No exception class names or stack traces,
 * which say nothing to an operator reading a status table.
 */
final class Failures {

  private Failures() {}

  /** @return {@code timed out after N ms} */
  static String timedOut(Duration timeout) {
    return "timed out after " + timeout.toMillis() + " ms";
  }

  /**
   * @param failure what the attempt threw
   * @param timeout the attempt's timeout, named when it ran out
   * @return a short reason
   */
  static String describe(Throwable failure, Duration timeout) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
        return timedOut(timeout);
      }
      if (t instanceof UnknownHostException) {
        return "cannot resolve '" + t.getMessage() + "'";
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        String message = innermostMessage(t);
        return message == null ? "cannot connect" : lowerFirst(message);
      }
    }
    String message = innermostMessage(failure);
    return message == null ? failure.getClass().getSimpleName() : lowerFirst(message);
  }

  /** The innermost message is the specific one; outer layers wrap it in generic words. */
  static String innermostMessage(Throwable failure) {
    String message = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return message;
  }

  /** "Connection refused" reads as a sentence start; inside a reason it should not. */
  static String lowerFirst(String message) {
    if (message.length() > 1 && Character.isUpperCase(message.charAt(0))
        && Character.isLowerCase(message.charAt(1))) {
      return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
    return message;
  }
}
