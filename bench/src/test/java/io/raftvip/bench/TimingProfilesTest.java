package io.raftvip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TimingProfilesTest {

    private static final Path FILE = Path.of("profiles.yaml");

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> TimingProfiles.parse(FILE, text)).getMessage();
    }

    @Test
    void namesAndTimings_inFileOrder_timingVerbatim() {
        TimingProfiles p = TimingProfiles.parse(FILE, """
                # comment
                default: ""
                relaxed: "{ heartbeat: 50ms, lease: 120ms, new-key: 3 }"
                b: '{ election-timeout: 300ms..600ms }'
                """);

        assertEquals(List.of(new TimingProfiles.Profile("default", ""),
                new TimingProfiles.Profile("relaxed", "{ heartbeat: 50ms, lease: 120ms, new-key: 3 }"),
                new TimingProfiles.Profile("b", "{ election-timeout: 300ms..600ms }")), p.profiles());
    }

    @Test
    void shippedExample_parses_withTheDefaultsFirst() {
        TimingProfiles p = TimingProfiles.read(Path.of("profiles.example.yaml"));

        assertEquals(List.of("default", "fast", "tolerant"),
                p.profiles().stream().map(TimingProfiles.Profile::name).toList());
        assertEquals("", p.profiles().get(0).timing());
    }

    @Test
    void unquotedMap_isRejected_withHowToQuoteIt() {
        String e = error("fast: { heartbeat: 50ms }\n");

        assertTrue(e.startsWith("--profiles profiles.yaml: profile 'fast' is {\"heartbeat\":\"50ms\"}; it must be a "
                + "quoted string"), e);
    }

    @Test
    void emptyValue_isRejected_sinceDefaultsAreSpelledQuoted() {
        assertTrue(error("default:\n").contains("profile 'default' is null; it must be a quoted string"));
    }

    @Test
    void duplicatesBadNamesAndEmptyFiles_areRejected() {
        String duplicate = error("a: \"\"\na: \"{}\"\n");
        assertTrue(duplicate.contains("not valid YAML: Duplicate field 'a'"), duplicate);
        assertTrue(error("Fast Profile: \"\"\n").contains("profile name 'Fast Profile' must match"));
        assertTrue(error("# nothing\n").contains("must map profile names to timing strings"));
        assertTrue(error("- a\n- b\n").contains("must map profile names to timing strings"));
    }
}
