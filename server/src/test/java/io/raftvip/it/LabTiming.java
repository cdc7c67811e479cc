package io.raftvip.it;

import io.raftvip.config.ConfigException;
import io.raftvip.config.ConfigLoader;
import io.raftvip.config.InterfaceChecker;
import io.raftvip.config.TimingConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The deadlines of a lab's waits, derived from the timing its daemons actually run with (each
 * node's config read by the daemon's own {@link ConfigLoader}, the slowest value of any node).
 *
 * <p>A deadline bounds a condition, it does not measure performance (the benchmark does that).
 * The machine this must pass on is a 2-core CI runner carrying three daemon JVMs, the test JVM
 * and Maven: a thread can wait hundreds of milliseconds for a core, a GC or a JIT compile can
 * stall a node for as long, and a split vote costs one more election round. So every deadline
 * is a generous multiple of the worst-case election timeout plus a fixed allowance for the
 * machine, which does not shrink with faster timing.
 *
 * <p>Only {@link TimingConfig}'s accessors {@code electionTimeoutMax()} and {@code vipLifetime()}
 * are used, so timing keys added to the daemon later need no change here.
 */
final class LabTiming {

  /** What a starved 2-core machine adds to any failover: scheduling delays, GC, cold code paths. */
  private static final Duration SLOW_MACHINE = Duration.ofSeconds(5);
  /**
   * Three cold JVMs starting on 2 cores. Measured on a shared 2-core machine at load 11: 38 s
   * from launch to a serving admin API.
   */
  private static final Duration START_UP = Duration.ofSeconds(60);
  /** A JVM's own shutdown (Ratis, gRPC, executors) on a busy machine, on top of the hand-over. */
  private static final Duration SHUTDOWN = Duration.ofSeconds(10);

  private final Duration election;
  private final Duration vipLifetime;

  private LabTiming(Duration election, Duration vipLifetime) {
    this.election = election;
    this.vipLifetime = vipLifetime;
  }

  /**
   * Reads every node's config as its daemon will; a config the daemon would reject fails here.
   *
   * @param configs each node's config file, with a checker listing the interfaces of the node's
   *                namespace (the loader checks the VIP's interface)
   */
  static LabTiming load(Map<Path, InterfaceChecker> configs) {
    Duration election = Duration.ZERO;
    Duration lifetime = Duration.ZERO;
    for (Map.Entry<Path, InterfaceChecker> config : configs.entrySet()) {
      final TimingConfig t;
      try {
        t = new ConfigLoader(config.getValue()).load(config.getKey()).timing();
      } catch (ConfigException e) {
        throw new IllegalStateException("the lab wrote a config the daemon rejects: " + e.getMessage(), e);
      }
      election = max(election, t.electionTimeoutMax());
      lifetime = max(lifetime, t.vipLifetime());
    }
    return new LabTiming(election, lifetime);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Failover: the owner gone until another node owns the VIP and the client hears it.
   * {@code 10 × electionTimeoutMax + 5 s} (14 s with the default 900 ms): one timeout to notice
   * (a stalled leader is waited for that long), then room for several rounds of split votes, plus
   * {@link #SLOW_MACHINE}. Also bounds anything
   * that follows from one election or one lease (a release after a lost majority, a transfer, a
   * status or an event that reflects it, a log line written after it).
   */
  Duration failover() {
    return election.multipliedBy(10).plus(SLOW_MACHINE);
  }

  /**
   * Settle: daemons started until one owner is stable. {@code 60 s + failover()}: start-up of
   * three cold JVMs, then a few elections.
   */
  Duration settle() {
    return START_UP.plus(failover());
  }

  /**
   * Quiet: how long to watch for something that must not happen (ownership moving, a resumed or
   * removed node binding again). {@code 3 × electionTimeoutMax + 1 s} (3.7 s with the default):
   * an election that could happen would be over by then, a split vote's second round included.
   * An observation window, not a deadline: it is always waited out in full.
   */
  Duration quiet() {
    return election.multipliedBy(3).plus(Duration.ofSeconds(1));
  }

  /**
   * Exit: SIGTERM until the process is gone. {@code failover() + 10 s}: the graceful stop hands
   * ownership over (one election), then the JVM shuts Ratis and gRPC down.
   */
  Duration exit() {
    return failover().plus(SHUTDOWN);
  }

  /**
   * Kernel expiry: a frozen owner's VIP removed by its valid lifetime. {@code vipLifetime +
   * failover()}: the last renewal can come just before the freeze, and the kernel's address
   * lifetime check runs on a coarse timer.
   */
  Duration lifetimeExpiry() {
    return vipLifetime.plus(failover());
  }

  @Override
  public String toString() {
    return "electionTimeoutMax " + election.toMillis() + " ms, vipLifetime " + vipLifetime.toSeconds()
        + " s: failover " + failover().toMillis() + " ms, settle " + settle().toMillis() + " ms, quiet "
        + quiet().toMillis() + " ms, exit " + exit().toMillis() + " ms";
  }
}
