package io.raftvip.health;

import io.raftvip.config.HealthConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this node's health checks every {@code interval} and keeps the verdict. Each round starts
 * every check at once, each on its own thread; the round ends when all have reported or been cut
 * off a little after their timeout, and passes when every check passed. {@link Hysteresis} turns
 * rounds into a {@link HealthStatus} ({@link Verdict}); each change is logged once at INFO and
 * given to the listener. Rounds start on a fixed schedule whatever the checks do: a hung check
 * delays neither the others nor the next round.
 *
 * <p>Threads: one timer (schedule, cut-offs, verdicts and callbacks), one per check and one per
 * running exec check for its output, all daemon threads, all ended by {@link #close()}. Each http
 * check also holds a JDK {@code HttpClient}, whose selector thread ends when the client is
 * garbage-collected after close (Java 17's client has no close).
 */
public final class HealthMonitor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
  /** How long {@link #close()} waits for checks to end (a killed exec check is reaped by then). */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private final String nodeId;
  private final RoundSettings settings;
  private final List<CheckRunner> runners = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final Verdict verdict;
  private final ScheduledThreadPoolExecutor timer;
  private final Clock clock;
  private final AtomicLong rounds = new AtomicLong();
  private final NextRoundWaiters waiters = new NextRoundWaiters();
  private long lastFinished; // timer thread only
  private volatile boolean closed;
  private volatile ScheduledFuture<?> schedule;

  /**
   * Starts monitoring: the first round at once, then one every {@code config.interval()}.
   *
   * @param config the health section of the configuration
   * @param nodeId this node's id, for log lines
   * @param listener hears every change of status
   * @param observer sees every check result of every round ({@link CheckObserver#NONE} for none)
   * @return the running monitor; {@link #close()} it
   */
  public static HealthMonitor start(HealthConfig config, String nodeId, HealthListener listener,
      CheckObserver observer) {
    List<HealthCheck> checks = new ArrayList<>();
    for (var check : config.checks()) {
      HealthCheck runnable = Checks.create(check, config.timeout());
      if (runnable instanceof UnusableCheck unusable) {
        LOG.warn("{}: health check {} {}; it fails every round until raftvip restarts", nodeId,
            unusable.name(), unusable.reason());
      }
      checks.add(runnable);
    }
    HealthMonitor monitor = new HealthMonitor(nodeId, RoundSettings.of(config), checks, listener,
        observer, Clock.systemUTC());
    monitor.scheduleRounds();
    return monitor;
  }

  /** Builds a monitor that runs no rounds until {@link #scheduleRounds()} or {@link #runRound()}. */
  HealthMonitor(String nodeId, RoundSettings settings, List<HealthCheck> checks,
      HealthListener listener, CheckObserver observer, Clock clock) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("a health monitor needs at least one check");
    }
    this.settings = settings;
    this.clock = clock;
    this.verdict = new Verdict(nodeId, settings.fall(), settings.rise(),
        Objects.requireNonNull(listener, "listener"), Objects.requireNonNull(observer, "observer"),
        clock);
    this.timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "raftvip-health-timer");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true); // a cut-off is cancelled in nearly every round
    for (HealthCheck check : checks) {
      runners.add(new CheckRunner(nodeId, check, timer));
      names.add(check.name());
    }
  }

  /** @return the latest verdict: the state given to the listener last, or UNKNOWN at first */
  public HealthState current() {
    return verdict.current();
  }

  /**
   * Whether the VIP may move here now: the verdict is HEALTHY and the latest round passed and
   * finished within two intervals plus the cut-off (a monitor whose rounds stopped, or a process
   * that was stalled, does not vouch for a state it has not seen).
   */
  public Readiness readiness() {
    HealthState state = verdict.current();
    if (state.status() != HealthStatus.HEALTHY) {
      return Readiness.no(state.status() == HealthStatus.UNKNOWN ? "its health is not known yet"
          : "it is unhealthy (" + state.failingCheck() + ": " + state.reason() + ")");
    }
    LatestRound latest = verdict.latest();
    if (!latest.passed()) {
      return Readiness.no("its latest checks failed (" + latest.failing() + ")");
    }
    Duration age = Duration.between(latest.at(), clock.instant());
    Duration fresh = settings.interval().multipliedBy(2).plus(settings.cutOff());
    if (age.compareTo(fresh) > 0) {
      return Readiness.no("its latest checks finished " + age.toMillis() + " ms ago (more than "
          + fresh.toMillis() + " ms)");
    }
    return Readiness.yes();
  }

  /**
   * {@link #readiness()} after the next round of checks, one that starts after this call: what an
   * owner about to move the VIP here must know when every node's checks may have just begun to
   * fail. Completes within an interval plus the cut-off while rounds run; no when stopping.
   */
  public CompletableFuture<Readiness> readinessAfterNextRound() {
    return waiters.after(rounds.get());
  }

  void scheduleRounds() {
    // Fixed delay, not rate: after a stall (suspended VM, long GC) missed rounds are not run in a
    // burst, which would count several rounds in a few milliseconds.
    schedule = timer.scheduleWithFixedDelay(this::startRoundSafely, 0,
        settings.interval().toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Runs one round now and waits for its verdict; for tests, which drive rounds by hand. */
  HealthState runRound() throws Exception {
    startRound().get(settings.cutOff().toMillis() + 5_000, TimeUnit.MILLISECONDS);
    return verdict.current();
  }

  private void startRoundSafely() {
    try {
      startRound();
    } catch (RuntimeException e) {
      // An exception would end the schedule for good; a monitor that stops checking is worse.
      LOG.warn("{}: health round could not start", nodeId, e);
    }
  }

  private CompletableFuture<Void> startRound() {
    long round = rounds.incrementAndGet();
    List<CompletableFuture<CheckResult>> results = new ArrayList<>();
    for (CheckRunner runner : runners) {
      results.add(runner.start(settings.timeout(), settings.cutOff()));
    }
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenRunAsync(() -> finish(round, results.stream().map(CompletableFuture::join).toList()),
            timer);
  }

  /** On the timer thread, in round order; a round that ends after a later one is dropped. */
  private void finish(long round, List<CheckResult> results) {
    if (closed || round <= lastFinished) {
      return;
    }
    lastFinished = round;
    verdict.record(round, names, results);
    waiters.finished(round, this::readiness);
  }

  /**
   * Stops the rounds and every check: a running exec check's program is killed, the threads end.
   * Waits up to two seconds for that; no listener call happens after it returns. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    waiters.close();
    ScheduledFuture<?> rounds = schedule;
    if (rounds != null) {
      rounds.cancel(false);
    }
    runners.forEach(CheckRunner::stop);
    timer.shutdownNow();
    Stopwatch watch = Stopwatch.start();
    try {
      for (CheckRunner runner : runners) {
        if (!runner.awaitStopped(positive(watch.remaining(CLOSE_WAIT)))) {
          LOG.warn("{}: health check {} did not stop within {} ms; its daemon thread is left to"
              + " end on its own", nodeId, runner.name(), CLOSE_WAIT.toMillis());
        }
      }
      timer.awaitTermination(positive(watch.remaining(CLOSE_WAIT)).toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Duration positive(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
