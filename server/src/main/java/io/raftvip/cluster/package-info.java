/**
 * The node's view of its cluster for operators: status assembly, failover tracking, the event
 * stream, config drift and bind failures, and the admin operations (membership, transfer) behind
 * the admin API, which any node takes and forwards to the leader when it does not lead.
 */
package io.raftvip.cluster;
