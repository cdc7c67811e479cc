package io.raftvip.bench.health;

/**
 * The health-gating scenarios. (Failover: {@link io.raftvip.bench.scenario.Scenario}; steadiness:
 * {@link io.raftvip.bench.steady.Steadiness}.)
 */
public enum HealthScenario {
    /** The owner's check starts failing for good: how soon does the VIP answer from a healthy node? */
    MOVE("health-move", "owner's health check starts failing"),
    /** The owner's check flaps faster than fall/rise allow: nothing should move. */
    FLAP("health-flap", "owner's health check flaps faster than fall/rise allow");

    private final String key;
    private final String title;

    HealthScenario(String key, String title) {
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
