package io.raftvip.bench.steady;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MetricsScraperTest {

    @Test
    void body_ofAPlainResponse() throws IOException {
        assertEquals("a 1\n", MetricsScraper.body("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\na 1\n", "x:1"));
    }

    @Test
    void body_ofAChunkedResponse() throws IOException {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\na 1\n\r\n4\r\nb 2\n\r\n0\r\n\r\n";

        assertEquals("a 1\nb 2\n", MetricsScraper.body(response, "x:1"));
    }

    @Test
    void otherStatus_isAnError() {
        assertThrows(IOException.class, () -> MetricsScraper.body("HTTP/1.1 404 Not Found\r\n\r\n", "x:1"));
        assertThrows(IOException.class, () -> MetricsScraper.body("", "x:1"));
    }
}
