package io.raftvip.raft;

import java.time.Instant;

/**
 * Why ownership moved, as the leader that moved it on its own (health or priority) recorded it
 * in the Raft log just before handing over.
 *
 * @param from the member that handed over
 * @param to the member it handed to
 * @param reason e.g. "owner unhealthy (apiserver: HTTP 503)"
 * @param at when
 * @param requested true when an operator asked for it (raftvipctl transfer)
 */
public record OwnerNote(String from, String to, String reason, Instant at, boolean requested) {
}
