package io.raftvip.raft;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.apache.ratis.thirdparty.io.grpc.MethodDescriptor;
import org.apache.ratis.thirdparty.io.grpc.Status;

/** Carries raftvip's own protobuf messages over Ratis' shaded gRPC. */
final class ProtoMarshaller<T extends MessageLite> implements MethodDescriptor.Marshaller<T> {

  private final Parser<T> parser;

  ProtoMarshaller(Parser<T> parser) {
    this.parser = parser;
  }

  @Override
  public InputStream stream(T value) {
    return new ByteArrayInputStream(value.toByteArray());
  }

  @Override
  public T parse(InputStream stream) {
    try {
      return parser.parseFrom(stream);
    } catch (InvalidProtocolBufferException e) {
      throw Status.INVALID_ARGUMENT.withDescription("malformed message: " + e.getMessage()).asRuntimeException();
    }
  }
}
