package io.statelessauth.example.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statelessauth.AuthCache;
import io.statelessauth.AuthListener;
import io.statelessauth.example.routes.RequestObserver;
import io.statelessauth.micrometer.AuthCacheMetrics;
import io.statelessauth.micrometer.MicrometerAuthListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The service's meters in a Prometheus registry, served as {@code GET /metrics} in the Prometheus
 * text format by a JDK {@link HttpServer} of their own, on the {@link MetricsAddress}: never on
 * the service's port, so that its clients never see them, and on the loopback address unless the
 * operator says otherwise.
 *
 * <p>It binds the JVM's meters (memory, garbage collection, threads, classes, processors,
 * uptime) when it starts; the service binds its own through the methods below: authentication
 * outcomes, the authentication cache, HikariCP's pool and the requests by route. Every tag value
 * comes from a fixed set, so that no token, user name or path ever reaches a meter.
 *
 * <p>The server answers one scrape at a time on a thread of its own. It is made after the service
 * set the JDK server's properties ({@code ServerProperties}), so it has the service's limits and
 * {@code sun.net.httpserver.nodelay}.
 */
public final class MetricsEndpoint implements AutoCloseable {

  /** The one path the endpoint answers. */
  public static final String PATH = "/metrics";
  /** The Prometheus text format 0.0.4, which {@link PrometheusMeterRegistry#scrape()} writes. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc;
  private final HttpServer server;
  private final ExecutorService scrapes;

  private MetricsEndpoint(PrometheusMeterRegistry registry, JvmGcMetrics gc, HttpServer server,
      ExecutorService scrapes) {
    this.registry = registry;
    this.gc = gc;
    this.server = server;
    this.scrapes = scrapes;
  }

  /**
   * Makes the registry, binds the JVM's meters and starts serving them on {@code address}.
   *
   * @throws IOException when the address cannot be bound
   */
  public static MetricsEndpoint start(MetricsAddress address) throws IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    JvmGcMetrics gc = new JvmGcMetrics();
    try {
      new JvmMemoryMetrics().bindTo(registry);
      gc.bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
      new ClassLoaderMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
      new UptimeMetrics().bindTo(registry);
      HttpServer server =
          HttpServer.create(new InetSocketAddress(address.host(), address.port()), 0);
      server.createContext(PATH, exchange -> serve(exchange, registry));
      ExecutorService scrapes = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "metrics");
        thread.setDaemon(true);
        return thread;
      });
      server.setExecutor(scrapes);
      server.start();
      return new MetricsEndpoint(registry, gc, server, scrapes);
    } catch (IOException | RuntimeException e) {
      gc.close();
      registry.close();
      throw e;
    }
  }

  /**
   * {@code listener} and the counter of authentication outcomes by reason ({@code
   * stateless_auth_requests_total}), both told of every request.
   */
  public AuthListener countBeside(AuthListener listener) {
    return AuthListener.all(listener, new MicrometerAuthListener(registry));
  }

  /** Adds the figures of {@code cache}: {@code stateless_auth_cache_hits_total} and the others. */
  public void bind(AuthCache cache) {
    new AuthCacheMetrics(cache).bindTo(registry);
  }

  /**
   * Adds HikariCP's own meters for {@code pool} ({@code hikaricp_connections_active} and the
   * others), which a running pool takes once.
   */
  public void bind(HikariDataSource pool) {
    pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
  }

  /** What times each request the service answers, by route ({@link RequestMetrics}). */
  public RequestObserver requests() {
    return new RequestMetrics(registry);
  }

  /** The address the endpoint listens on, with the port it was given. */
  InetSocketAddress address() {
    return server.getAddress();
  }

  /** The URI of the endpoint, such as {@code http://127.0.0.1:9464/metrics}. */
  public URI uri() {
    String host = address().getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address().getPort() + PATH);
  }

  /**
   * {@code GET} (or {@code HEAD}) {@value #PATH} answers the scrape; another path 404, another
   * method 405.
   */
  private static void serve(HttpExchange exchange, PrometheusMeterRegistry registry)
      throws IOException {
    try {
      exchange.getRequestBody().readAllBytes();
      if (!PATH.equals(exchange.getRequestURI().getRawPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      ByteArrayOutputStream scrape = new ByteArrayOutputStream();
      registry.scrape(scrape);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, scrape.size());
      try (OutputStream body = exchange.getResponseBody()) {
        scrape.writeTo(body);
      }
    } finally {
      exchange.close();
    }
  }

  /** Stops serving, unbinds the garbage-collection listener and closes the registry. */
  @Override
  public void close() {
    server.stop(0);
    scrapes.shutdownNow();
    gc.close();
    registry.close();
  }
}
