package io.raftvip.ctl;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Lets picocli build the commands by constructor: a command with a {@code (Session)} constructor
 * gets this invocation's session; everything else is built the default way.
 */
final class CommandFactory implements IFactory {
  private final Session session;

  CommandFactory(Session session) {
    this.session = session;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> constructor;
    try {
      constructor = type.getDeclaredConstructor(Session.class);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
    constructor.setAccessible(true);
    return constructor.newInstance(session);
  }
}
