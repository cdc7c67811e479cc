package io.raftvip.reload;

import io.raftvip.config.ConfigDiff;
import io.raftvip.config.ConfigException;
import io.raftvip.config.RaftvipConfig;
import io.raftvip.tls.TlsException;
import io.raftvip.tls.TlsMaterial;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the configuration file and applies what can change while running (see the package
 * description for the steps). A file that fails the start-up rules, or whose TLS files the other
 * members would refuse, changes nothing. Keys only a restart can change are named and left as they
 * are; the live ones are applied. Reloads run one at a time on a thread of their own; signals that
 * arrive meanwhile fold into one more reload.
 */
public final class ConfigReloader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

  private final String nodeId;
  private final String file;
  private final ConfigSource source;
  private final TlsReload tls;
  private final Clock clock;
  private final List<LiveSection> sections = new CopyOnWriteArrayList<>();
  private final List<Consumer<ReloadOutcome>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean queued = new AtomicBoolean();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    final Thread t = new Thread(r, "raftvip-reload");
    t.setDaemon(true);
    return t;
  });
  private volatile RaftvipConfig running;

  /**
   * @param running the configuration the daemon started with
   * @param file the file's name, for messages
   * @param source reads the file with the start-up rules
   * @param tls the node's TLS, or null without
   */
  public ConfigReloader(RaftvipConfig running, String file, ConfigSource source, io.raftvip.tls.NodeTls tls,
                        Clock clock) {
    this.nodeId = running.node();
    this.running = running;
    this.file = file;
    this.source = source;
    this.tls = new TlsReload(tls, clock);
    this.clock = clock;
  }

  /** Adds a live section; sections apply in the order they were added. */
  public void addSection(LiveSection section) {
    sections.add(section);
  }

  /** Tells {@code listener} every outcome (the status, the event stream, the metrics). */
  public void addListener(Consumer<ReloadOutcome> listener) {
    listeners.add(listener);
  }

  /** @return the configuration the daemon runs with now */
  public RaftvipConfig running() {
    return running;
  }

  /** Queues a reload and returns at once (called from the signal handler). */
  public void request() {
    if (!queued.compareAndSet(false, true)) {
      return; // one is queued already and will read the file as it is by then
    }
    try {
      worker.execute(() -> {
        queued.set(false); // a signal from now on asks for another reload after this one
        reloadNow();
      });
    } catch (RejectedExecutionException stopping) {
      LOG.info("{}: not reloading {}: the daemon is stopping", nodeId, file);
    }
  }

  /** Reloads on the calling thread. */
  public synchronized ReloadOutcome reloadNow() {
    ReloadOutcome outcome;
    try {
      outcome = reload();
    } catch (RuntimeException e) {
      LOG.error("{}: reload failed unexpectedly (a bug in raftvip)", nodeId, e);
      outcome = outcome(ReloadOutcome.Result.REFUSED, "failed unexpectedly: " + e + "; see the log");
    }
    final String line = "reload of " + file + " " + outcome.result().label() + ": " + outcome.message();
    if (outcome.result() == ReloadOutcome.Result.APPLIED) {
      LOG.info("{}: {}", nodeId, line);
    } else {
      LOG.warn("{}: {}", nodeId, line);
    }
    for (Consumer<ReloadOutcome> l : listeners) {
      try {
        l.accept(outcome);
      } catch (RuntimeException e) {
        LOG.error("{}: reporting the reload failed (a bug in raftvip)", nodeId, e);
      }
    }
    return outcome;
  }

  private ReloadOutcome reload() {
    final RaftvipConfig next;
    try {
      next = source.read();
    } catch (ConfigException e) {
      return outcome(ReloadOutcome.Result.REFUSED, "the file is invalid, nothing was changed: "
          + String.join("; ", e.problems()));
    }
    final ConfigDiff diff = ConfigDiff.between(running, next);
    final Optional<TlsMaterial> newTls;
    try {
      newTls = tls.prepare(next);
    } catch (TlsException e) {
      return outcome(ReloadOutcome.Result.REFUSED, "the TLS files cannot be used, nothing was changed: "
          + e.getMessage());
    }
    final List<String> applied = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    newTls.ifPresent(m -> applied.add(tls.install(m)));
    if (!diff.live().isEmpty()) {
      for (LiveSection s : sections) {
        try {
          final String what = s.apply(diff, next);
          if (!what.isEmpty()) {
            applied.add(what);
          }
        } catch (RuntimeException e) {
          LOG.error("{}: applying {} failed", nodeId, s.keys(), e);
          failed.add(s.keys() + " (" + e.getMessage() + ")");
        }
      }
    }
    running = diff.applied();
    return summarize(applied, failed, diff.fixed());
  }

  private ReloadOutcome summarize(List<String> applied, List<String> failed, List<ConfigDiff.Change> fixed) {
    final boolean whole = failed.isEmpty() && fixed.isEmpty();
    // "applied" is the result's own word; a partial reload says which part was.
    final String done = applied.isEmpty() ? "no live changes" : String.join("; ", applied);
    final StringBuilder text = new StringBuilder(whole || applied.isEmpty() ? done : "applied " + done);
    if (!failed.isEmpty()) {
      text.append("; could not apply ").append(String.join("; ", failed)).append(" (see the log)");
    }
    if (!fixed.isEmpty()) {
      text.append("; not applied, these keys cannot change while raftvip runs: ")
          .append(fixed.stream().map(ConfigDiff.Change::toString).collect(Collectors.joining(", ")))
          .append(" (restore them in the file, or restart raftvip to apply them)");
    }
    return outcome(whole ? ReloadOutcome.Result.APPLIED : ReloadOutcome.Result.PARTIAL, text.toString());
  }

  private ReloadOutcome outcome(ReloadOutcome.Result result, String message) {
    return new ReloadOutcome(clock.instant(), result, message);
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
