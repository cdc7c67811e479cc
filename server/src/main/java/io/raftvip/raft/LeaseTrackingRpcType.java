package io.raftvip.raft;

import org.apache.ratis.conf.Parameters;
import org.apache.ratis.rpc.RpcFactory;
import org.apache.ratis.rpc.RpcType;

/**
 * A user-defined Ratis {@link RpcType}: Ratis stores the type in its properties by name and
 * instantiates it by class name, so this class must stay public with a no-argument constructor.
 * The tracker and heartbeat period travel in the {@link Parameters}.
 */
public final class LeaseTrackingRpcType implements RpcType {

  @Override
  public String name() {
    return LeaseTrackingRpcType.class.getName();
  }

  @Override
  public RpcFactory newFactory(Parameters parameters) {
    return new LeaseTrackingFactory(parameters);
  }
}
