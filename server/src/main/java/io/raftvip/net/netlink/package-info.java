/**
 * rtnetlink through jnr-ffi: {@link io.raftvip.net.netlink.NativeLibC} (libc, loaded once at
 * start-up), a small message codec for addresses and links, and
 * {@link io.raftvip.net.netlink.NetlinkAddressManager}, the kernel-facing
 * {@link io.raftvip.net.AddressManager}. No external commands.
 */
package io.raftvip.net.netlink;
