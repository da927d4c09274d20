package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.AuthFailure;
import io.statelessauth.example.PrometheusText.Sample;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.metrics.MetricsAddress;
import io.statelessauth.example.metrics.MetricsEndpoint;
import io.statelessauth.example.routes.Router;
import io.statelessauth.example.testsupport.MutableClock;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.TestSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} after one request of each outcome: the authentication counters move by
 * exactly the requests sent, per outcome and reason, the requests are timed by route pattern and
 * status class, the pool, cache and JVM meters are there, and no token, user name, password, path
 * or query sent appears anywhere in the scrape. The scrape is read with {@link PrometheusText}.
 */
class MetricsTest {

  private static final String USER = "markeruser7q";
  private static final String PASSWORD = "markerpassword3v correct horse";
  private static final String TOKEN = "markertoken9zK3";
  private static final String PATH = "/markerpath5w";
  private static final String QUERY = "markerquery2j";
  private static final String METHOD = "MARKERMETHOD";
  private static final String ADMIN = "markeradmin4h";

  @TempDir static Path folder;

  private static final MutableClock CLOCK = new MutableClock();
  private static ExampleServer server;
  private static ServiceClient client;

  @BeforeAll
  static void start() throws Exception {
    Settings settings = TestSettings.sqlite(folder.resolve("metrics.db"))
        .withMetrics(new MetricsAddress("127.0.0.1", 0));
    server = ExampleServer.start(settings, CLOCK);
    client = new ServiceClient(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void countersMoveByExactlyTheRequestsSentPerOutcomeAndReason() throws Exception {
    assertEquals(201, client.register(USER, PASSWORD).status());
    Pair fresh = client.login(USER, PASSWORD);
    Pair toExpire = client.login(USER, PASSWORD);
    PrometheusText before = scrape();

    assertEquals(200, client.bearer("GET", "/whoami", fresh.access()).status());
    assertEquals(200, client.send("GET", "/", null, null).status());
    assertEquals(401, client.send("GET", "/whoami?" + QUERY, null, null).status());
    assertEquals(401, client.bearer("GET", "/whoami?" + QUERY, TOKEN).status());
    assertEquals(400, client.bearer("GET", "/whoami", TOKEN + " " + TOKEN).status());
    assertEquals(403, client.bearer("GET", "/admin/users", fresh.access()).status());
    CLOCK.advance(Settings.defaults().accessTokenLifetime().plusSeconds(1));
    assertEquals(401, client.bearer("GET", "/whoami", toExpire.access()).status());
    assertEquals(404, client.bearer("GET", PATH + "?" + QUERY, TOKEN).status());
    assertEquals(404, client.bearer(METHOD, PATH, TOKEN).status());
    PrometheusText after = scrape();

    Map<String, Double> expected = new HashMap<>();
    expected.put("authorized/none", 1.0);
    expected.put("anonymous/none", 1.0);
    expected.put("refused/" + reason(AuthFailure.MISSING_CREDENTIALS), 1.0);
    expected.put("refused/" + reason(AuthFailure.UNKNOWN_TOKEN), 1.0);
    expected.put("refused/" + reason(AuthFailure.MALFORMED_CREDENTIALS), 1.0);
    expected.put("refused/" + reason(AuthFailure.INSUFFICIENT_ROLE), 1.0);
    expected.put("refused/" + reason(AuthFailure.EXPIRED_TOKEN), 1.0);
    List<Sample> outcomes = after.families().get("stateless_auth_requests_total").samples();
    assertEquals(2 + AuthFailure.values().length, outcomes.size());
    for (Sample sample : outcomes) {
      String key = sample.labels().get("outcome") + "/" + sample.labels().get("reason");
      assertEquals(expected.getOrDefault(key, 0.0),
          sample.value() - before.value(sample.name(), sample.labels()), key);
    }

    assertEquals(1.0, requests(before, after, "GET", "/whoami", "2xx"));
    assertEquals(4.0, requests(before, after, "GET", "/whoami", "4xx"));
    assertEquals(1.0, requests(before, after, "GET", "/", "2xx"));
    assertEquals(1.0, requests(before, after, "GET", "/admin/users", "4xx"));
    assertEquals(1.0, requests(before, after, "GET", Router.UNMATCHED, "4xx"));
    assertEquals(1.0, requests(before, after, "other", Router.UNMATCHED, "4xx"));
  }

  @Test
  void thePoolTheCacheAndTheJvmAreMeasured() throws Exception {
    assertEquals(200, client.send("GET", "/", null, null).status());

    PrometheusText scrape = scrape();

    Map<String, String> pool = Map.of("pool", "stateless-auth");
    assertEquals(Settings.defaults().workerThreads(), scrape.value("hikaricp_connections_max", pool));
    assertTrue(scrape.value("hikaricp_connections", pool) >= 1, "pooled connections");
    for (String family : List.of("hikaricp_connections_active", "hikaricp_connections_idle",
        "hikaricp_connections_pending", "hikaricp_connections_timeout_total",
        "hikaricp_connections_acquire_seconds", "stateless_auth_cache_hits_total",
        "stateless_auth_cache_misses_total", "stateless_auth_cache_loads_total",
        "stateless_auth_cache_evictions_total", "stateless_auth_cache_invalidations_total",
        "stateless_auth_cache_size", "jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total",
        "jvm_threads_live_threads", "jvm_classes_loaded_classes", "system_cpu_count",
        "process_uptime_seconds", "http_server_requests_seconds")) {
      assertTrue(scrape.families().containsKey(family), family);
      assertFalse(scrape.families().get(family).samples().isEmpty(), family);
    }
  }

  @Test
  void noSecretNameOrPathSentReachesAnyMeter() throws Exception {
    String admin = ADMIN;
    assertEquals(201, client.register(admin, PASSWORD).status());
    Pair pair = client.login(admin, PASSWORD);
    CLOCK.advance(Settings.defaults().accessTokenLifetime().plusSeconds(1));
    Pair current = client.login(admin, PASSWORD);
    for (String path : List.of("/whoami", "/secret", "/admin/users", "/", PATH)) {
      String target = path + "?" + QUERY + "=" + TOKEN;
      client.send("GET", target, null, null);
      client.bearer("GET", target, TOKEN);
      client.bearer("GET", target, TOKEN + " " + USER);
      client.bearer("GET", target, pair.access());
      client.bearer("GET", target, current.access());
      client.bearer("GET", target, current.refresh());
      client.bearer(METHOD, target, current.access());
    }

    String scrape = scrapeText();
    PrometheusText parsed = PrometheusText.parse(scrape);

    Set<String> secrets = new java.util.HashSet<>(client.secrets());
    secrets.addAll(Set.of(USER, ADMIN, PASSWORD, TOKEN, PATH, QUERY, METHOD, "marker"));
    for (String secret : secrets) {
      assertFalse(scrape.contains(secret), "the scrape shows " + secret);
      assertFalse(scrape.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)),
          "the scrape shows " + secret + " in another case");
    }
    for (Sample sample : parsed.samples()) {
      String route = sample.labels().get("route");
      if (route != null) {
        assertTrue(route.equals(Router.UNMATCHED) || Set.of("/", "/whoami", "/secret",
            "/admin/users", "/user", "/create_token").contains(route), route);
      }
    }
  }

  /** How many requests were timed under these tags between the two scrapes. */
  private static double requests(PrometheusText before, PrometheusText after, String method,
      String route, String status) {
    Map<String, String> labels = Map.of("method", method, "route", route, "status", status);
    return count(after, labels) - count(before, labels);
  }

  private static double count(PrometheusText scrape, Map<String, String> labels) {
    return scrape.samples().stream()
        .filter(sample -> sample.name().equals("http_server_requests_seconds_count")
            && sample.labels().equals(labels))
        .mapToDouble(Sample::value)
        .findFirst()
        .orElse(0.0);
  }

  private static String reason(AuthFailure failure) {
    return failure.name().toLowerCase(Locale.ROOT);
  }

  private static PrometheusText scrape() throws IOException, InterruptedException {
    return PrometheusText.parse(scrapeText());
  }

  private static String scrapeText() throws IOException, InterruptedException {
    URI uri = server.metricsUri().orElseThrow();
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(MetricsEndpoint.CONTENT_TYPE,
        response.headers().firstValue("Content-Type").orElse(null));
    return response.body();
  }
}
