package io.raftvip.bench.fault;

import java.util.ArrayList;
import java.util.List;

/**
 * When the stalls of one series start: every {@code everyMillis} from the start of a window of
 * {@code windowMillis}, as long as a stall would still start inside the window. The window's tail
 * after the last stall (at least {@code every} minus the stall) is watched for its consequences.
 *
 * @param windowMillis length of the series
 * @param everyMillis  time from one stall's start to the next
 */
public record StallSchedule(long windowMillis, long everyMillis) {

    /** @throws IllegalArgumentException when the window holds no stall */
    public StallSchedule {
        if (everyMillis <= 0 || windowMillis < everyMillis) {
            throw new IllegalArgumentException("stall window " + windowMillis + " ms must hold at least one "
                    + "stall every " + everyMillis + " ms");
        }
    }

    /** @return the start of each stall, ms after the window starts */
    public List<Long> offsetsMillis() {
        List<Long> out = new ArrayList<>();
        for (long t = 0; t + everyMillis <= windowMillis; t += everyMillis) {
            out.add(t);
        }
        return out;
    }
}
