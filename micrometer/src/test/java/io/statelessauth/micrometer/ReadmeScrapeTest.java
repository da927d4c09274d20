package io.statelessauth.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statelessauth.AuthCache;
import io.statelessauth.testsupport.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample scrape in this module's README is what the meters show after the requests it describes. */
class ReadmeScrapeTest {
  private static final String SAMPLE_START = "```text\n";

  /** Keeps the runtime's log of the server error and the unknown user off the console. */
  private LogCapture log;

  @BeforeEach
  void captureTheLog() {
    log = LogCapture.of(LogCapture.RUNTIME, Level.ALL);
  }

  @AfterEach
  void releaseTheLog() {
    log.close();
  }

  @Test
  void theReadmesSampleScrapeIsTheRealOne() throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AuthCache cache = AuthCache.builder().maximumSize(10).expireAfterWrite(Duration.ofHours(1)).build();
    new AuthCacheMetrics(cache).bindTo(registry);
    Directory directory = Directory.builder().cache(cache).listener(new MicrometerAuthListener(registry)).build();

    try (AuthServer server = new AuthServer(directory, "")) {
      EveryOutcome.drive(directory, server, "alice-token", "alice");
    }

    assertEquals(readmeSample(), registry.scrape().strip(), "README.md's sample scrape; the real one is the actual");
  }

  private static String readmeSample() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf(SAMPLE_START) + SAMPLE_START.length();
    return readme.substring(start, readme.indexOf("```", start)).strip();
  }
}
