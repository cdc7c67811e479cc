package io.raftvip.bench.scenario;

/** The failover situations measured, each with what its headline number means. */
public enum Scenario {
    /** Owner's port cut from the bridge and its daemon SIGKILLed: a machine dies. */
    CRASH("crash", "VIP outage, owner node crashes (ms)"),
    /** SIGTERM to the owner's daemon. */
    GRACEFUL("graceful", "VIP outage, graceful stop (ms)"),
    /** Owner's port detached from the bridge; the node keeps running. */
    PARTITION("partition", "VIP outage, owner partitioned (ms)"),
    /** All daemons started together; time until the VIP first answers. */
    COLD_START("cold-start", "all nodes started -> VIP answers (ms)");

    private final String key;
    private final String title;

    Scenario(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** @return the stable key used in file names and JSON */
    public String key() {
        return key;
    }

    /** @return what the headline number measures */
    public String title() {
        return title;
    }
}
