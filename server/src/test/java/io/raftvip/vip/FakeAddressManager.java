package io.raftvip.vip;

import io.raftvip.net.AddressListener;
import io.raftvip.net.AddressManager;
import io.raftvip.net.BoundAddress;
import io.raftvip.net.NetworkException;
import io.raftvip.net.Vip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An in-memory kernel for unit tests: records adds and removes, can be told to fail. */
final class FakeAddressManager implements AddressManager {

  final Set<Vip> bound = new LinkedHashSet<>();
  final List<String> calls = new ArrayList<>();
  boolean failAdds;
  boolean failRemoves;
  /** Adds of VIPs on these interfaces fail (as for an interface that vanished), the others work. */
  final Set<String> failAddsOn = new LinkedHashSet<>();

  @Override
  public void add(Vip vip, Duration validLifetime) {
    calls.add("add " + vip.address().getHostAddress() + " lifetime=" + validLifetime.toMillis());
    if (failAdds) {
      throw new NetworkException("RTM_NEWADDR " + vip + ": EPERM (fake)", 1);
    }
    if (failAddsOn.contains(vip.interfaceName())) {
      throw new NetworkException("RTM_NEWADDR " + vip + ": ENODEV (fake)", 19);
    }
    bound.add(vip);
  }

  @Override
  public void remove(Vip vip) {
    calls.add("remove " + vip.address().getHostAddress());
    if (failRemoves) {
      throw new NetworkException("RTM_DELADDR " + vip + ": EPERM (fake)", 1);
    }
    bound.remove(vip);
  }

  @Override
  public List<BoundAddress> list(String interfaceName) {
    return bound.stream().filter(v -> v.interfaceName().equals(interfaceName))
        .map(v -> new BoundAddress(v.address(), v.prefixLength(), v.interfaceName(), 2, true)).toList();
  }

  @Override
  public List<BoundAddress> listOurs() {
    return bound.stream()
        .map(v -> new BoundAddress(v.address(), v.prefixLength(), v.interfaceName(), 2, true)).toList();
  }

  @Override
  public Subscription subscribe(AddressListener listener) {
    return () -> { };
  }

  @Override
  public void close() {
  }
}
