/**
 * The gRPC admin API of a raftvip node: {@link io.raftvip.admin.AdminService} validates requests
 * and maps failures to gRPC status codes over an {@link io.raftvip.admin.AdminBackend} that the
 * daemon implements; {@link io.raftvip.admin.AdminServer} serves it, with the standard health and
 * reflection services, on a Unix domain socket and optionally on TCP with mutual TLS.
 *
 * <p>Security rule: nothing unauthenticated may change membership or move the VIP. The socket is
 * mode 0660 in a 0750 directory; a TCP listener without TLS is allowed on loopback only; with TLS,
 * reads are open to every client certificate the CA signed and changes only to {@code admin.allow}
 * ({@link io.raftvip.admin.AdminAuthorization}).
 */
package io.raftvip.admin;
