package io.raftvip.admin;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.raftvip.proto.v1.AdminGrpc;
import io.raftvip.tls.CertificateNames;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what on the admin TCP listener with mutual TLS: reads (status, members, watch,
 * health, reflection) for any client whose certificate the cluster's CA signed (the handshake
 * already checked that); every other raftvip.v1.Admin call is a change and needs a client
 * identity on {@code admin.allow} ({@link AllowList}), or is refused with PERMISSION_DENIED
 * naming the identity and the key to set. A raftvip.v1.Admin method not listed in {@link #READS}
 * counts as a change: a new read must be added there to be open to every client.
 */
final class AdminAuthorization implements ServerInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(AdminAuthorization.class);
  static final Set<String> READS = Set.of(
      AdminGrpc.getGetStatusMethod().getFullMethodName(),
      AdminGrpc.getListMembersMethod().getFullMethodName(),
      AdminGrpc.getWatchMethod().getFullMethodName());

  private final AllowList allow;

  AdminAuthorization(AllowList allow) {
    this.allow = allow;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                     ServerCallHandler<Q, R> next) {
    final String service = call.getMethodDescriptor().getServiceName();
    final String method = call.getMethodDescriptor().getFullMethodName();
    if (!AdminGrpc.SERVICE_NAME.equals(service) || READS.contains(method)) {
      return next.startCall(call, headers);
    }
    final Optional<CertificateNames> client = CertificateNames.ofPeer(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
    final Optional<String> granted = client.flatMap(allow::match);
    if (granted.isPresent()) {
      LOG.info("admin: {} by {} (on admin.allow as '{}')", call.getMethodDescriptor().getBareMethodName(),
          client.get().subject(), granted.get());
      return next.startCall(call, headers);
    }
    final String refusal = refusal(call.getMethodDescriptor().getBareMethodName(), client, allow.names());
    LOG.warn("admin: refused {} from {}: {}", call.getMethodDescriptor().getBareMethodName(),
        call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR), refusal);
    call.close(Status.PERMISSION_DENIED.withDescription(refusal), new Metadata());
    return new ServerCall.Listener<>() { };
  }

  /** @return what the client is told: the identity it presented, the list, and how to get on it */
  static String refusal(String rpc, Optional<CertificateNames> client, java.util.List<String> allowed) {
    if (client.isEmpty()) {
      return rpc + " is a change, and this connection has no client certificate to check against admin.allow";
    }
    final CertificateNames c = client.get();
    return rpc + " is a change, and only client identities on this node's admin.allow may make changes over"
        + " TCP; this client's certificate (" + c.describe() + ") carries none of "
        + (allowed.isEmpty() ? "them (admin.allow is empty: nobody may)" : "admin.allow " + allowed)
        + ". Add one of its names (" + String.join(", ", c.all()) + ") to admin.allow in the node's"
        + " configuration and reload (systemctl reload raftvip), or run the command on a node through its"
        + " Unix socket";
  }
}
