package io.raftvip.bench.health;

import java.util.ArrayList;
import java.util.List;

/** What the health scenarios measured so far, kept as each run ends so a later failure loses nothing. */
public final class HealthResults {

    private final List<MoveRun> moves = new ArrayList<>();
    private final List<FlapResult> flaps = new ArrayList<>();

    /** Creates an empty collection. */
    public HealthResults() {
    }

    void add(MoveRun run) {
        moves.add(run);
    }

    void add(FlapResult window) {
        flaps.add(window);
    }

    /** @return every health-move run, in order */
    public List<MoveRun> moves() {
        return List.copyOf(moves);
    }

    /** @return every health-flap window, in order */
    public List<FlapResult> flaps() {
        return List.copyOf(flaps);
    }
}
