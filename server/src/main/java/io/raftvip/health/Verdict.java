package io.raftvip.health;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges finished rounds: hands every result to the observer, feeds the round's outcome to
 * {@link Hysteresis}, and on a change of status keeps the new {@link HealthState}, logs it once
 * at INFO and tells the listener. Called by one thread at a time (the monitor's timer).
 */
final class Verdict {

  private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

  private final String nodeId;
  private final Hysteresis hysteresis;
  private final HealthListener listener;
  private final CheckObserver observer;
  private final Clock clock;
  private volatile HealthState current;
  private volatile LatestRound latest;

  Verdict(String nodeId, int fall, int rise, HealthListener listener, CheckObserver observer,
      Clock clock) {
    this.nodeId = nodeId;
    this.hysteresis = new Hysteresis(fall, rise);
    this.listener = listener;
    this.observer = observer;
    this.clock = clock;
    this.current = HealthState.unknown(clock.instant());
  }

  HealthState current() {
    return current;
  }

  /** @return the latest finished round, or null before the first */
  LatestRound latest() {
    return latest;
  }

  /**
   * @param round the round's number, for the debug log
   * @param names the checks' names
   * @param results their results, in the same order
   */
  void record(long round, List<String> names, List<CheckResult> results) {
    int failing = -1;
    for (int i = 0; i < results.size(); i++) {
      observe(names.get(i), results.get(i));
      if (failing < 0 && !results.get(i).healthy()) {
        failing = i;
      }
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{}: health round {}: {}", nodeId, round, summary(names, results));
    }
    latest = new LatestRound(failing < 0, clock.instant(),
        failing < 0 ? "" : names.get(failing) + ": " + results.get(failing).reason());
    HealthStatus changed = hysteresis.record(failing < 0);
    if (changed != null) {
      report(changed, failing, names, results);
    }
  }

  private void report(HealthStatus changed, int failing, List<String> names,
      List<CheckResult> results) {
    HealthState previous = current;
    HealthState next = changed == HealthStatus.UNHEALTHY
        ? new HealthState(changed, clock.instant(), names.get(failing),
            results.get(failing).reason() + alsoFailing(failing, names, results))
        : new HealthState(changed, clock.instant(), "", "");
    current = next;
    if (changed == HealthStatus.UNHEALTHY) {
      LOG.info("{}: health {} -> {}: {}: {} ({} rounds)", nodeId, previous.status(), changed,
          next.failingCheck(), next.reason(), hysteresis.streak());
    } else {
      LOG.info("{}: health {} -> {} ({} rounds)", nodeId, previous.status(), changed,
          hysteresis.streak());
    }
    try {
      listener.healthChanged(next);
    } catch (RuntimeException e) {
      LOG.warn("{}: health listener failed on {}", nodeId, next, e);
    }
  }

  private static String alsoFailing(int first, List<String> names, List<CheckResult> results) {
    List<String> others = new ArrayList<>();
    for (int i = first + 1; i < results.size(); i++) {
      if (!results.get(i).healthy()) {
        others.add(names.get(i));
      }
    }
    return others.isEmpty() ? "" : "; also failing: " + String.join(", ", others);
  }

  private void observe(String check, CheckResult result) {
    try {
      observer.checked(check, result);
    } catch (RuntimeException e) {
      LOG.warn("{}: health check observer failed on {}", nodeId, check, e);
    }
  }

  private static String summary(List<String> names, List<CheckResult> results) {
    return IntStream.range(0, results.size())
        .mapToObj(i -> names.get(i) + " " + (results.get(i).healthy() ? "ok" : "FAILED")
            + " (" + results.get(i).reason() + ", " + results.get(i).took().toMillis() + " ms)")
        .collect(Collectors.joining(", "));
  }
}
