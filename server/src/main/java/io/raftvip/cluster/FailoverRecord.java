package io.raftvip.cluster;

/**
 * A change of owner as observed by this node.
 *
 * @param atMillis wall-clock ms when the new owner was observed
 * @param from previous owner ("" if none)
 * @param to new owner ("" when ownership was lost)
 * @param unownedMs how long nobody held the VIP as far as this node can tell
 */
public record FailoverRecord(long atMillis, String from, String to, long unownedMs) {
}
