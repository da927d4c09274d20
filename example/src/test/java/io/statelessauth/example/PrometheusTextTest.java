package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statelessauth.example.PrometheusText.Family;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test parser of the Prometheus text format reads what Micrometer's Prometheus registry
 * writes, escapes included, and refuses text that breaks the format.
 */
class PrometheusTextTest {

  @Test
  void readsWhatTheRegistryWritesWithEveryEscape() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    String awkward = "quote \" backslash \\ newline \n brace } comma , équipe";
    Counter.builder("parsed.requests").description("Help with a backslash \\ and\na newline")
        .tag("value", awkward).tag("plain", "x").register(registry).increment(3);
    Counter.builder("parsed.requests").tag("value", "other").tag("plain", "y")
        .register(registry).increment();
    Gauge.builder("parsed.level", () -> Double.NaN).register(registry);
    Timer.builder("parsed.calls").register(registry).record(Duration.ofMillis(1_500));

    PrometheusText text = PrometheusText.parse(registry.scrape());

    assertEquals(3.0, text.value("parsed_requests_total", Map.of("plain", "x", "value", awkward)));
    assertEquals(1.0, text.value("parsed_requests_total", Map.of("plain", "y", "value", "other")));
    Family requests = text.families().get("parsed_requests_total");
    assertEquals("counter", requests.type());
    assertEquals("Help with a backslash \\ and\na newline", requests.help());
    assertEquals(2, requests.samples().size());
    assertTrue(Double.isNaN(text.value("parsed_level", Map.of())));
    assertEquals("summary", text.families().get("parsed_calls_seconds").type());
    assertEquals(1.0, text.value("parsed_calls_seconds_count", Map.of()));
    assertEquals(1.5, text.value("parsed_calls_seconds_sum", Map.of()));
    assertEquals(1.5, text.value("parsed_calls_seconds_max", Map.of()));
  }

  @Test
  void readsTheFormatsOtherForms() {
    PrometheusText text = PrometheusText.parse(String.join("\n",
        "# a comment",
        "# HELP spaced Help before type",
        "# TYPE spaced gauge",
        "spaced { a = \"1\" , b=\"2\", } +Inf 1700000000000",
        "loose{} -1.5e3",
        ""));

    assertEquals(Double.POSITIVE_INFINITY, text.value("spaced", Map.of("a", "1", "b", "2")));
    assertEquals("Help before type", text.families().get("spaced").help());
    assertEquals("untyped", text.families().get("loose").type());
    assertEquals(-1500.0, text.value("loose", Map.of()));
  }

  @Test
  void refusesTextThatBreaksTheFormat() {
    for (String broken : List.of(
        "no_value",
        "bad_value 12abc",
        "word_value Infinity",
        "hex_value 0x1p3",
        "unterminated{a=\"1} 1",
        "bad_escape{a=\"\\t\"} 1",
        "unquoted{a=1} 1",
        "twice{a=\"1\",a=\"2\"} 1",
        "1starts_with_a_digit 1",
        "trailing 1 2 3",
        "bad_timestamp 1 soon",
        "# TYPE kind flavour",
        "# TYPE twice gauge\n# TYPE twice gauge",
        "# TYPE first gauge\nfirst 1\n# TYPE second gauge\nsecond 1\nfirst 2")) {
      assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(broken), broken);
    }
  }

  @Test
  void namesTheLineThatBreaksTheFormat() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PrometheusText.parse("fine 1\nbroken{a=\"1\" 2"));

    assertTrue(e.getMessage().startsWith("line 2: "), e.getMessage());
  }
}
