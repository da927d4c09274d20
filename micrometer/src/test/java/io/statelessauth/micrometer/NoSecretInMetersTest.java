package io.statelessauth.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statelessauth.AuthCache;
import io.statelessauth.testsupport.LogCapture;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Every outcome, driven with a recognisable token, user name and path, leaves none of them in any
 * meter's name, tag, description or unit, nor in the Prometheus scrape: tags come from a closed set.
 */
class NoSecretInMetersTest {
  private static final String TOKEN = "Zq7tok3nRecognisableXw91";
  private static final String USER = "userNeverInMetersM2p";
  private static final String PATH = "/pathNeverInMetersK4v";
  private static final List<String> SECRETS = List.of(TOKEN, USER, PATH.substring(1));

  @Test
  void noTokenUserNameOrPathReachesAnyMeterOrTheScrape() throws IOException {
    SimpleMeterRegistry simple = new SimpleMeterRegistry();
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CompositeMeterRegistry registry = new CompositeMeterRegistry();
    registry.add(simple);
    registry.add(prometheus);
    AuthCache cache = AuthCache.builder().maximumSize(10).expireAfterWrite(Duration.ofHours(1)).build();
    new AuthCacheMetrics(cache).bindTo(registry);
    Directory directory = Directory.builder().cache(cache).listener(new MicrometerAuthListener(registry)).build();

    try (LogCapture log = LogCapture.of(LogCapture.RUNTIME, Level.ALL);
        AuthServer server = new AuthServer(directory, PATH)) {
      EveryOutcome.drive(directory, server, TOKEN, USER);
      assertEquals(2, log.atLeast(Level.SEVERE).size(), "the server error and the unknown user, logged");
    }

    assertEquals(EveryOutcome.REQUESTS,
        simple.get("stateless.auth.requests").counters().stream().mapToDouble(Counter::count).sum(),
        "every request counted");
    assertTrue(simple.get("stateless.auth.cache.hits").functionCounter().count() > 0, "the cache answered");
    String scrape = prometheus.scrape();
    assertTrue(scrape.contains("stateless_auth_requests_total{outcome=\"refused\",reason=\"unknown_token\"} 1"),
        scrape);
    assertTrue(scrape.contains("stateless_auth_cache_hits_total"), scrape);

    assertNoSecret("the Prometheus scrape", scrape);
    assertNoSecret("the simple registry's meters", simple.getMetersAsString());
    for (MeterRegistry child : List.of(simple, prometheus)) {
      for (Meter meter : child.getMeters()) {
        Meter.Id id = meter.getId();
        StringBuilder text = new StringBuilder(id.getName()).append(' ')
            .append(id.getDescription()).append(' ').append(id.getBaseUnit());
        for (Tag tag : id.getTagsAsIterable()) {
          text.append(' ').append(tag.getKey()).append('=').append(tag.getValue());
        }
        assertNoSecret("the meter " + id, text.toString());
      }
    }
  }

  private static void assertNoSecret(String where, String text) {
    String lowerCase = text.toLowerCase(Locale.ROOT);
    for (String secret : SECRETS) {
      assertFalse(lowerCase.contains(secret.toLowerCase(Locale.ROOT)), secret + " in " + where + ":\n" + text);
    }
  }
}
