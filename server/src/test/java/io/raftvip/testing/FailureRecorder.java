package io.raftvip.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Records the failures of one test class — of its tests and of its lifecycle methods — as they
 * happen, so that a fixture torn down in {@code @AfterEach} or {@code @AfterAll} can tell whether
 * anything failed while it lived (and keep its logs). An aborted test (a failed assumption) is
 * not a failure. Register it in a static field, so it also sees {@code @BeforeAll}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FailureRecorder failures = new FailureRecorder();
 * }</pre>
 *
 * <p>Handlers, not {@code TestWatcher}: a watcher hears of a failure only after the
 * {@code @AfterEach} methods ran, which is too late for a fixture they close; and
 * {@code AfterTestExecutionCallback} misses a failing {@code @BeforeEach}.
 */
public final class FailureRecorder implements BeforeAllCallback, TestExecutionExceptionHandler,
    LifecycleMethodExecutionExceptionHandler {

  private final List<String> failures = new ArrayList<>();
  private volatile String testClass = "UnknownIT";

  @Override
  public void beforeAll(ExtensionContext context) {
    testClass = context.getRequiredTestClass().getSimpleName();
  }

  /** @return the simple name of the test class this recorder serves */
  public String testClass() {
    return testClass;
  }

  /** @return how many failures were recorded so far; compare two readings to see new ones */
  public synchronized int count() {
    return failures.size();
  }

  /** @return one line per failure recorded at or after position {@code from} (see {@link #count()}) */
  public synchronized List<String> since(int from) {
    return List.copyOf(failures.subList(Math.min(from, failures.size()), failures.size()));
  }

  private void record(ExtensionContext context, String phase, Throwable t) throws Throwable {
    if (!(t instanceof TestAbortedException)) {
      final String first = String.valueOf(t).lines().findFirst().orElse("");
      synchronized (this) {
        failures.add(context.getDisplayName() + " (" + phase + "): " + first);
      }
    }
    throw t;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable t) throws Throwable {
    record(context, "test", t);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
    record(context, "@BeforeAll", t);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
    record(context, "@BeforeEach", t);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
    record(context, "@AfterEach", t);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
    record(context, "@AfterAll", t);
  }
}
