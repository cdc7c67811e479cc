package io.raftvip.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.scenario.Timeline;

/**
 * Writes the results directory: {@code bench-<timestamp>.md/.json}, {@code latest.md/.json} and
 * {@code timeline-<scenario>.png}.
 */
public final class ReportWriter {

    private final Path dir;

    /** @param dir the results directory (created if missing) */
    public ReportWriter(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes the report and the pictures.
     *
     * @return the Markdown text
     */
    public String write(BenchReport report, Map<Scenario, List<Timeline>> timelines) throws IOException {
        Files.createDirectories(dir);
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String md = new MarkdownReport().render(report);
        Path mdFile = dir.resolve("bench-" + stamp + ".md");
        Path jsonFile = dir.resolve("bench-" + stamp + ".json");
        Files.writeString(mdFile, md);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(jsonFile.toFile(), report);
        Files.copy(mdFile, dir.resolve("latest.md"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(jsonFile, dir.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        TimelinePlot plot = new TimelinePlot();
        for (Map.Entry<Scenario, List<Timeline>> e : timelines.entrySet()) {
            if (!e.getValue().isEmpty()) {
                plot.write(e.getValue(), dir.resolve("timeline-" + e.getKey().key() + ".png"));
            }
        }
        return md;
    }
}
