package io.statelessauth.micrometer;

import static io.micrometer.core.tck.MeterRegistryAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statelessauth.AuthCache;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code stateless.auth.cache.*} move with what requests and invalidations do to a real manager's cache. */
class AuthCacheMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AuthCache cache = AuthCache.builder().maximumSize(2).expireAfterWrite(Duration.ofHours(1)).build();
  private final Directory directory = Directory.builder().cache(cache).build();
  private AuthServer server;

  @BeforeEach
  void start() throws IOException {
    for (String name : new String[] {"ann", "ben", "cal"}) {
      directory.badge(name + "-token", Badge.of(name, "read")).member(Member.active(name));
    }
    server = new AuthServer(directory, "");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyFigureIsRegisteredWithItsDescription() {
    new AuthCacheMetrics(cache).bindTo(registry);

    Map<String, Meter.Type> meters = new LinkedHashMap<>();
    for (Meter meter : registry.getMeters()) {
      meters.put(meter.getId().getName(), meter.getId().getType());
      String description = meter.getId().getDescription();
      assertFalse(description == null || description.isBlank(), meter.getId().getName() + " has no description");
    }
    assertEquals(Map.of(
        "stateless.auth.cache.hits", Meter.Type.COUNTER,
        "stateless.auth.cache.misses", Meter.Type.COUNTER,
        "stateless.auth.cache.loads", Meter.Type.COUNTER,
        "stateless.auth.cache.evictions", Meter.Type.COUNTER,
        "stateless.auth.cache.invalidations", Meter.Type.COUNTER,
        "stateless.auth.cache.size", Meter.Type.GAUGE), meters);
    assertEquals(new Figures(0, 0, 0, 0, 0, 0), figures());
  }

  @Test
  void theFiguresMoveWithHitsMissesLoadsEvictionsAndInvalidations() throws IOException {
    new AuthCacheMetrics(cache).bindTo(registry);

    ok("ann-token");
    assertEquals(new Figures(0, 1, 1, 0, 0, 1), figures(), "a first request: a miss, a load, one entry");
    ok("ann-token");
    assertEquals(new Figures(1, 1, 1, 0, 0, 1), figures(), "the same token again: a hit");
    assertEquals(401, get("nobody-token").status());
    assertEquals(new Figures(1, 2, 2, 0, 0, 1), figures(), "an unknown token: a miss and a load, nothing kept");
    ok("ben-token");
    ok("cal-token");
    assertEquals(new Figures(1, 4, 4, 1, 0, 2), figures(), "a third token in a cache of two: the oldest evicted");
    directory.invalidate("cal-token");
    assertEquals(new Figures(1, 4, 4, 1, 1, 1), figures(), "an invalidated token: one entry fewer");
    directory.invalidateAll();
    assertEquals(new Figures(1, 4, 4, 1, 2, 0), figures(), "everything invalidated: the cache is empty");
  }

  @Test
  void tagsTellTwoCachesApartInOneRegistry() throws IOException {
    AuthCache other = AuthCache.builder().maximumSize(2).expireAfterWrite(Duration.ofHours(1)).build();
    new AuthCacheMetrics(cache, Tags.of("manager", "api")).bindTo(registry);
    new AuthCacheMetrics(other, Tags.of("manager", "admin")).bindTo(registry);

    ok("ann-token");

    assertThat(registry).hasMeterWithNameAndTags("stateless.auth.cache.size", Tags.of("manager", "admin"));
    assertEquals(1.0, registry.get("stateless.auth.cache.loads").tag("manager", "api").functionCounter().count());
    assertEquals(0.0, registry.get("stateless.auth.cache.loads").tag("manager", "admin").functionCounter().count());
    assertEquals(12, registry.getMeters().size());
    assertEquals(0, other.stats().loads(), "the other cache, still in use");
  }

  @Test
  void aNullCacheOrTagsAreRefusedAtOnce() {
    assertEquals("cache", assertThrows(NullPointerException.class, () -> new AuthCacheMetrics(null)).getMessage());
    assertEquals("tags", assertThrows(NullPointerException.class, () -> new AuthCacheMetrics(cache, null)).getMessage());
  }

  /** The six figures as the registry shows them. */
  private record Figures(double hits, double misses, double loads, double evictions, double invalidations,
      double size) {}

  private Figures figures() {
    return new Figures(counter("hits"), counter("misses"), counter("loads"), counter("evictions"),
        counter("invalidations"), registry.get("stateless.auth.cache.size").gauge().value());
  }

  private double counter(String name) {
    return registry.get("stateless.auth.cache." + name).functionCounter().count();
  }

  private void ok(String token) throws IOException {
    RawHttp.Response response = get(token);
    assertEquals(200, response.status(), response.body());
  }

  private RawHttp.Response get(String token) throws IOException {
    return server.get(AuthServer.READER, "Authorization: Bearer " + token);
  }
}
