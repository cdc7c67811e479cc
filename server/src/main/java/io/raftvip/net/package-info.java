/**
 * The seam between VIP ownership and the kernel: {@link io.raftvip.net.AddressManager} binds,
 * unbinds, lists and watches addresses. Implementations live in sub-packages.
 */
package io.raftvip.net;
