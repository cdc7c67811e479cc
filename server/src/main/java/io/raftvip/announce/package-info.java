/**
 * Announcing a newly bound VIP to the network: gratuitous ARP and unsolicited Neighbor
 * Advertisements. {@link io.raftvip.announce.PacketAnnouncer} sends them over raw sockets
 * (CAP_NET_RAW); the frame builders are pure functions.
 */
package io.raftvip.announce;
