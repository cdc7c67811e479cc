package io.raftvip.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads and validates the YAML config. Strict: unknown keys, wrong types, bad values and broken
 * cross-field rules are all errors, reported together in one {@link ConfigException}, each naming
 * key path, value and rule. Jackson only builds the YAML tree; mapping to records is done by hand
 * so that no parser internals (class names, stack traces) reach the operator.
 */
public final class ConfigLoader {

  private final InterfaceChecker interfaces;
  private final YAMLMapper mapper = YAMLMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** @param interfaces lists this host's interfaces; VIP interfaces are checked against it */
  public ConfigLoader(InterfaceChecker interfaces) {
    this.interfaces = Objects.requireNonNull(interfaces, "interfaces");
  }

  /**
   * @param file the YAML file, UTF-8
   * @return the validated config with defaults filled in
   * @throws ConfigException when the file cannot be read or the config is invalid
   */
  public RaftvipConfig load(Path file) throws ConfigException {
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), List.of(file + ": no such file"));
    } catch (AccessDeniedException e) {
      throw new ConfigException(file.toString(), List.of(file + ": permission denied"));
    } catch (CharacterCodingException e) {
      throw new ConfigException(file.toString(), List.of(file + ": not valid UTF-8 text"));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of(file + ": cannot read: " + e));
    }
    return parse(yaml, file.toString());
  }

  /**
   * @param yaml the config text
   * @param sourceName where it came from, for {@link ConfigException#source()}
   * @return the validated config with defaults filled in
   * @throws ConfigException listing every problem found
   */
  public RaftvipConfig parse(String yaml, String sourceName) throws ConfigException {
    Problems problems = new Problems();
    JsonNode tree = tree(yaml, problems);
    if (tree == null && problems.isEmpty()) {
      problems.add("", "the configuration is empty; required keys: cluster, node, peers, vips");
    }
    RaftvipConfig config = null;
    if (problems.isEmpty()) {
      config = new ConfigReader(interfaces, problems).read(ConfigNode.root(tree, problems));
    }
    if (!problems.isEmpty() || config == null) {
      throw new ConfigException(sourceName, problems.isEmpty()
          ? List.of("invalid configuration (no detail: this is a bug)") : problems.list());
    }
    return config;
  }

  /** @return the single YAML document's tree, or null when empty or unreadable (reported) */
  private JsonNode tree(String yaml, Problems problems) {
    try (JsonParser parser = mapper.createParser(yaml)) {
      JsonNode tree = mapper.readTree(parser);
      if (tree != null && parser.nextToken() != null) {
        problems.add("", "line " + parser.currentLocation().getLineNr()
            + ": a second YAML document (after '---'); the config must be one document");
        return null;
      }
      return tree;
    } catch (JsonProcessingException e) {
      problems.add("", YamlSyntaxError.describe(e, yaml));
      return null;
    } catch (IOException e) {
      // A String source has no I/O; anything here is a parser failure worth showing as such.
      problems.add("", "cannot parse YAML: " + e.getMessage());
      return null;
    }
  }
}
