package io.raftvip.bench.steady;

/**
 * The steadiness scenarios: nothing should move, and nothing but the named fault is injected.
 * (The failover scenarios are {@link io.raftvip.bench.scenario.Scenario}.)
 */
public enum Steadiness {
    /** The owner's daemon stopped (SIGSTOP) and resumed (SIGCONT) after D ms, repeatedly. */
    STALL("stall", "owner's daemon frozen for D ms every few seconds"),
    /** CPU hogs plus a continuous fsync writer; no other fault. */
    LOAD("load", "busy host: CPU hogs and an fsync writer"),
    /** All daemons started together from empty storage; what happens after the first bind. */
    START_TOGETHER("start-together", "all daemons started together from empty storage: after the first bind"),
    /** The crash failover, repeated while the load runs. */
    CRASH_UNDER_LOAD("crash-under-load", "owner crashes while the host is busy"),
    /** The partition failover, repeated while the load runs. */
    PARTITION_UNDER_LOAD("partition-under-load", "owner partitioned while the host is busy");

    private final String key;
    private final String title;

    Steadiness(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** @return the stable key used on the command line and in JSON */
    public String key() {
        return key;
    }

    /** @return what the scenario does, for the report */
    public String title() {
        return title;
    }
}
