package io.raftvip.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds test configs from a valid base by replacing, adding or removing top-level keys. */
final class TestYaml {

  /** A host with a loopback and a Raspberry Pi style NIC. */
  static final InterfaceChecker INTERFACES = () -> List.of("lo", "end0");

  private static final Map<String, String> BASE = base();

  private TestYaml() {}

  private static Map<String, String> base() {
    Map<String, String> base = new LinkedHashMap<>();
    base.put("cluster", "cluster: test-cp");
    base.put("node", "node: alpha");
    base.put("peers", """
        peers:
          - { id: alpha, address: 10.0.0.1:7420 }
          - { id: beta, address: 10.0.0.2:7420 }""");
    base.put("vips", """
        vips:
          - { address: 10.0.0.9, interface: end0 }""");
    return base;
  }

  /**
   * @param overrides {@code "key: value"} replaces or adds a top-level key (multi-line values
   *     allowed); {@code "-key"} removes it
   * @return the YAML text
   */
  static String config(String... overrides) {
    Map<String, String> entries = new LinkedHashMap<>(BASE);
    for (String override : overrides) {
      if (override.startsWith("-")) {
        entries.remove(override.substring(1));
      } else {
        entries.put(override.substring(0, override.indexOf(':')), override);
      }
    }
    return String.join("\n", entries.values()) + "\n";
  }

  static RaftvipConfig parse(String yaml) throws ConfigException {
    return new ConfigLoader(INTERFACES).parse(yaml, "test.yaml");
  }

  /** @return the problems the loader reports for {@code yaml}; fails if it loads */
  static List<String> problems(String yaml) {
    return assertThrows(ConfigException.class, () -> parse(yaml), () -> "should fail:\n" + yaml)
        .problems();
  }
}
