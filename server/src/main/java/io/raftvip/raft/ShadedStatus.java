package io.raftvip.raft;

/**
 * Carries a gRPC status across the two copies of gRPC in the daemon: the admin API's (grpc-java)
 * and Ratis' shaded one, on which the Raft port and raftvip's peer service run. Code, description
 * and the text trailers cross; a cause stays on its side (it never travels over the wire anyway).
 */
final class ShadedStatus {

  private ShadedStatus() {
  }

  /** @return the admin-side refusal as Ratis' gRPC sends it, with {@code extra} trailers added */
  static org.apache.ratis.thirdparty.io.grpc.StatusRuntimeException toShaded(
      io.grpc.StatusRuntimeException e, String extraKey, String extraValue) {
    final io.grpc.Status s = e.getStatus();
    final org.apache.ratis.thirdparty.io.grpc.Metadata trailers = new org.apache.ratis.thirdparty.io.grpc.Metadata();
    final io.grpc.Metadata from = e.getTrailers();
    if (from != null) {
      for (String key : from.keys()) {
        if (!key.endsWith(io.grpc.Metadata.BINARY_HEADER_SUFFIX)) {
          final String value = from.get(io.grpc.Metadata.Key.of(key, io.grpc.Metadata.ASCII_STRING_MARSHALLER));
          if (value != null) {
            trailers.put(shadedKey(key), value);
          }
        }
      }
    }
    trailers.put(shadedKey(extraKey), extraValue);
    return org.apache.ratis.thirdparty.io.grpc.Status.fromCodeValue(s.getCode().value())
        .withDescription(s.getDescription()).asRuntimeException(trailers);
  }

  /** @return a status received over Ratis' gRPC as the admin API's gRPC has it, trailers included */
  static io.grpc.StatusRuntimeException fromShaded(org.apache.ratis.thirdparty.io.grpc.Status s,
                                                   org.apache.ratis.thirdparty.io.grpc.Metadata from) {
    final io.grpc.Metadata trailers = new io.grpc.Metadata();
    if (from != null) {
      for (String key : from.keys()) {
        if (!key.endsWith(org.apache.ratis.thirdparty.io.grpc.Metadata.BINARY_HEADER_SUFFIX)) {
          final String value = from.get(shadedKey(key));
          if (value != null) {
            trailers.put(io.grpc.Metadata.Key.of(key, io.grpc.Metadata.ASCII_STRING_MARSHALLER), value);
          }
        }
      }
    }
    return io.grpc.Status.fromCodeValue(s.getCode().value()).withDescription(s.getDescription())
        .asRuntimeException(trailers);
  }

  /** @return the value of text trailer {@code key}, or null */
  static String trailer(org.apache.ratis.thirdparty.io.grpc.Metadata trailers, String key) {
    return trailers == null ? null : trailers.get(shadedKey(key));
  }

  private static org.apache.ratis.thirdparty.io.grpc.Metadata.Key<String> shadedKey(String key) {
    return org.apache.ratis.thirdparty.io.grpc.Metadata.Key.of(key,
        org.apache.ratis.thirdparty.io.grpc.Metadata.ASCII_STRING_MARSHALLER);
  }
}
