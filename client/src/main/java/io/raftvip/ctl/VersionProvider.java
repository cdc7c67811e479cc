package io.raftvip.ctl;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Implementation-Version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = RaftvipCtl.class.getPackage().getImplementationVersion();
    return new String[] {"raftvipctl " + (version == null ? "(development build)" : version)};
  }
}
