package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.cli.Cli;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.metrics.MetricsEndpoint;
import io.statelessauth.example.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code /metrics} is served: nowhere by default; with {@code --metrics-port}, on the
 * loopback address whatever {@code --host} says, unless {@code --metrics-host} names another;
 * never on the service's port; and no longer once the service stops.
 */
class MetricsAddressTest {

  private static final Pattern METRICS_LINE = Pattern.compile("Metrics served on (http://\\S+)");

  @TempDir Path folder;

  private Settings parse(String... flags) {
    String[] args = new String[flags.length + 2];
    args[0] = "--db";
    args[1] = "jdbc:sqlite:" + folder.resolve("metrics.db");
    System.arraycopy(flags, 0, args, 2, flags.length);
    return Cli.parse(Map.of(), args).withPasswordIterations(1_000);
  }

  @Test
  void metricsAreNotServedWithoutTheFlag() throws Exception {
    Settings settings = parse("--port", "0");
    assertFalse(settings.metrics().enabled());

    try (ExampleServer server = ExampleServer.start(settings)) {
      assertTrue(server.metricsUri().isEmpty());
      assertEquals(404, get(server.uri().resolve(MetricsEndpoint.PATH)).statusCode());
    }
  }

  @Test
  void theEndpointListensOnLoopbackWhateverTheServiceListensOn() throws Exception {
    Settings settings = parse("--host", "127.0.0.2", "--port", "0", "--metrics-port", "0");

    try (ExampleServer server = ExampleServer.start(settings)) {
      URI metrics = server.metricsUri().orElseThrow();
      assertEquals("127.0.0.2", server.address().getAddress().getHostAddress());
      assertEquals("127.0.0.1", metrics.getHost());
      assertTrue(server.address().getPort() != metrics.getPort());
      HttpResponse<String> scrape = get(metrics);
      assertEquals(200, scrape.statusCode());
      assertEquals(MetricsEndpoint.CONTENT_TYPE, scrape.headers().firstValue("Content-Type").get());
      assertTrue(PrometheusText.parse(scrape.body()).families().containsKey("process_uptime_seconds"));
      assertEquals(404, get(server.uri().resolve(MetricsEndpoint.PATH)).statusCode());
    }
  }

  @Test
  void theMetricsHostIsHonoured() throws Exception {
    Settings settings = parse("--port", "0", "--metrics-port", "0", "--metrics-host", "127.0.0.3");

    try (ExampleServer server = ExampleServer.start(settings)) {
      URI metrics = server.metricsUri().orElseThrow();
      assertEquals("127.0.0.3", metrics.getHost());
      assertEquals(200, get(metrics).statusCode());
      assertRefused("127.0.0.1", metrics.getPort());
    }
  }

  @Test
  void theEndpointAnswersOnlyGetOfMetrics() throws Exception {
    try (ExampleServer server = ExampleServer.start(parse("--port", "0", "--metrics-port", "0"))) {
      URI metrics = server.metricsUri().orElseThrow();

      assertEquals(404, get(metrics.resolve("/metrics/more")).statusCode());
      assertEquals(404, get(metrics.resolve("/")).statusCode());
      HttpResponse<String> post = send(HttpRequest.newBuilder(metrics)
          .POST(BodyPublishers.ofString("x")));
      assertEquals(405, post.statusCode());
      assertEquals("GET, HEAD", post.headers().firstValue("Allow").get());
      HttpResponse<String> head = send(HttpRequest.newBuilder(metrics)
          .method("HEAD", BodyPublishers.noBody()));
      assertEquals(200, head.statusCode());
      assertEquals("", head.body());
    }
  }

  @Test
  void theEndpointStopsWithTheService() throws Exception {
    ExampleServer server = ExampleServer.start(parse("--port", "0", "--metrics-port", "0"));
    URI metrics = server.metricsUri().orElseThrow();
    assertEquals(200, get(metrics).statusCode());

    server.close();

    assertRefused(metrics.getHost(), metrics.getPort());
  }

  @Test
  void theServiceSaysWhereItServesItsMetrics() throws Exception {
    try (ServiceProcess service =
        ServiceProcess.start(folder.resolve("process.db"), "--metrics-port", "0")) {
      Matcher line = awaitLine(service);
      URI metrics = URI.create(line.group(1));
      assertEquals("127.0.0.1", metrics.getHost());
      assertEquals(MetricsEndpoint.PATH, metrics.getPath());

      PrometheusText scrape = PrometheusText.parse(get(metrics).body());

      assertEquals(0.0, scrape.value("stateless_auth_requests_total",
          Map.of("outcome", "refused", "reason", "unknown_token")));
    }
  }

  @Test
  void badMetricsFlagsAreRefusedNamingTheFlag() {
    assertEquals("--metrics-host needs --metrics-port", assertThrows(Cli.UsageException.class,
        () -> parse("--metrics-host", "127.0.0.1")).getMessage());
    assertEquals("--metrics-port needs a whole number from 0 to 65535, got '70000'",
        assertThrows(Cli.UsageException.class, () -> parse("--metrics-port", "70000")).getMessage());
    assertEquals("--metrics-host needs a host name or address", assertThrows(Cli.UsageException.class,
        () -> parse("--metrics-port", "0", "--metrics-host", " ")).getMessage());
    assertTrue(Cli.usage().contains("--metrics-port=PORT"), Cli.usage());
    assertTrue(Cli.usage().contains("--metrics-host=HOST"), Cli.usage());
  }

  /** The line {@code Main} prints once it serves the meters, waited for up to 10 s. */
  private static Matcher awaitLine(ServiceProcess service) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      Matcher line = METRICS_LINE.matcher(service.output());
      if (line.find()) {
        return line;
      }
      assertTrue(System.nanoTime() < deadline, service.output());
      Thread.sleep(50);
    }
  }

  private static void assertRefused(String host, int port) {
    assertThrows(ConnectException.class, () -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), 5_000);
      }
    });
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(
        request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
  }
}
