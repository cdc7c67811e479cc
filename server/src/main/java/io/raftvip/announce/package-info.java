/** Announcing a newly bound VIP to the network: gratuitous ARP and unsolicited Neighbor Advertisements. */
package io.raftvip.announce;
