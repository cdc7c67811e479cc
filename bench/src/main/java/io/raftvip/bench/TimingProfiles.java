package io.raftvip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The timing profiles to compare ({@code --profiles FILE}): a YAML mapping from a profile name to
 * the {@code timing:} flow map passed to the daemons, as a quoted string (the bench never reads its
 * keys, the daemon defines them); {@code ""} means no {@code timing:} key, the daemon's defaults.
 * <pre>
 * default: ""
 * relaxed: "{ heartbeat: 50ms, lease: 120ms }"
 * </pre>
 *
 * @param file     where they came from
 * @param profiles name and timing, in file order
 */
public record TimingProfiles(Path file, List<Profile> profiles) {

    private static final String NAME = "[a-z0-9][a-z0-9._-]{0,31}";

    /**
     * One named timing.
     *
     * @param name   profile name, also the implementation key {@code raftvip[NAME]}
     * @param timing the flow map, verbatim; "" for the daemon's defaults
     */
    public record Profile(String name, String timing) {
    }

    /** Reads and checks {@code file}; @throws IllegalArgumentException naming the file, the profile and the rule */
    public static TimingProfiles read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--profiles " + file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    static TimingProfiles parse(Path file, String text) {
        JsonNode root;
        try {
            root = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--profiles " + file + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException("--profiles " + file + ": must map profile names to timing strings, "
                    + "e.g. default: \"\"");
        }
        List<Profile> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches(NAME)) {
                throw new IllegalArgumentException("--profiles " + file + ": profile name '" + e.getKey()
                        + "' must match " + NAME);
            }
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("--profiles " + file + ": profile '" + e.getKey() + "' is "
                        + e.getValue() + "; it must be a quoted string holding the timing flow map, e.g. "
                        + e.getKey() + ": \"{ heartbeat: 50ms }\" (\"\" for the daemon's defaults)");
            }
            out.add(new Profile(e.getKey(), e.getValue().asText().strip()));
        }
        return new TimingProfiles(file, List.copyOf(out));
    }
}
