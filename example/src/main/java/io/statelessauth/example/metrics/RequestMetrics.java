package io.statelessauth.example.metrics;

import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.statelessauth.example.routes.RequestObserver;
import io.statelessauth.example.routes.Router;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Times the requests the {@link Router} answers as the Micrometer timer {@code
 * http.server.requests} (in Prometheus {@code http_server_requests_seconds_count}, {@code _sum}
 * and {@code _max}), tagged {@code method}, {@code route} and {@code status}. Every tag value
 * comes from a fixed set: a standard method or {@code other}, a registered route or {@value
 * Router#UNMATCHED}, a status class ({@code 2xx}, {@code 4xx}, ...) or {@code none}; a path, a
 * query or a header the client chose never reaches a meter.
 */
final class RequestMetrics implements RequestObserver {

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
  private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

  private final MeterProvider<Timer> requests;

  /** Registers the timers in {@code registry} as requests come. */
  RequestMetrics(MeterRegistry registry) {
    requests = Timer.builder("http.server.requests")
        .description("Requests answered, by method, route and status class")
        .withRegistry(registry);
  }

  @Override
  public void answered(String method, String route, int status, long nanos) {
    requests.withTags("method", METHODS.contains(method) ? method : "other",
            "route", route, "status", statusClass(status))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private static String statusClass(int status) {
    int hundreds = status / 100;
    return hundreds >= 1 && hundreds <= STATUS_CLASSES.length
        ? STATUS_CLASSES[hundreds - 1] : "none";
  }
}
