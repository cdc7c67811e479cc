/**
 * The embedded Apache Ratis group: server set-up, the state machine that reports leadership
 * changes, and raftvip's own leader lease built on the send times of acknowledged heartbeats.
 */
package io.raftvip.raft;
