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
 * {@code timeline-<scenario>.png}; for a profiles comparison {@code tradeoff-<timestamp>.md/.json}
 * and {@code tradeoff.md/.json}.
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
        String md = new MarkdownReport().render(report);
        stampedAndLatest("bench", "latest", md, report);
        TimelinePlot plot = new TimelinePlot();
        for (Map.Entry<Scenario, List<Timeline>> e : timelines.entrySet()) {
            if (!e.getValue().isEmpty()) {
                plot.write(e.getValue(), dir.resolve("timeline-" + e.getKey().key() + ".png"));
            }
        }
        return md;
    }

    /**
     * Writes the trade-off comparison.
     *
     * @return the Markdown text
     */
    public String writeTradeoff(TradeoffReport report) throws IOException {
        String md = new TradeoffMarkdown().render(report);
        stampedAndLatest("tradeoff", "tradeoff", md, report);
        return md;
    }

    private void stampedAndLatest(String prefix, String latest, String md, Object json) throws IOException {
        Files.createDirectories(dir);
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path mdFile = dir.resolve(prefix + "-" + stamp + ".md");
        Path jsonFile = dir.resolve(prefix + "-" + stamp + ".json");
        Files.writeString(mdFile, md);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(jsonFile.toFile(), json);
        Files.copy(mdFile, dir.resolve(latest + ".md"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(jsonFile, dir.resolve(latest + ".json"), StandardCopyOption.REPLACE_EXISTING);
    }
}
