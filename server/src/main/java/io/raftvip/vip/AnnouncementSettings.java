package io.raftvip.vip;

import java.time.Duration;

/**
 * How a new owner announces its VIPs.
 *
 * @param repeat rounds right after binding (at least 1)
 * @param interval time between those rounds
 * @param refresh period of later rounds while owner; zero = none
 */
public record AnnouncementSettings(int repeat, Duration interval, Duration refresh) {
}
