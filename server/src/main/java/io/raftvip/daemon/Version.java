package io.raftvip.daemon;

import picocli.CommandLine;

/** The version from the jar manifest ("dev" when run from classes). */
final class Version implements CommandLine.IVersionProvider {

  static String current() {
    final String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"raftvip " + current()};
  }
}
