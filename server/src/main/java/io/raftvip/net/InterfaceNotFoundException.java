package io.raftvip.net;

import java.util.List;

/**
 * The named interface does not exist. The message lists the interfaces that do, because a
 * wrong name ({@code eth0} where a Raspberry Pi has {@code end0}) is the common mistake.
 */
public class InterfaceNotFoundException extends NetworkException {

  private final String interfaceName;
  private final List<String> existing;

  public InterfaceNotFoundException(String interfaceName, List<String> existing) {
    super("interface '" + interfaceName + "' not found; this host has: " + String.join(", ", existing),
        19 /* ENODEV */);
    this.interfaceName = interfaceName;
    this.existing = List.copyOf(existing);
  }

  /** @return the name that was asked for */
  public String interfaceName() {
    return interfaceName;
  }

  /** @return the interfaces this host has */
  public List<String> existing() {
    return existing;
  }
}
