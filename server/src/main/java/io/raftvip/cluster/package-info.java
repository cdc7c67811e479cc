/**
 * The node's view of its cluster for operators: status assembly, failover tracking, the event
 * stream and the admin operations (membership, transfer) behind the admin API.
 */
package io.raftvip.cluster;
