package io.statelessauth.micrometer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real {@link HttpServer} on a free loopback port serving a {@link Directory}'s routes under a
 * path prefix: {@code /reader} requires the scope {@code read}, {@code /admin} the role {@code
 * admin}, {@code /optional} runs anonymously without credentials; each answers {@code hello <name>}
 * (or {@code hello stranger}). {@code /failing} requires {@code read} and its handler throws.
 */
final class AuthServer implements AutoCloseable {
  static {
    // JDK-6968351: without it every keep-alive response stalls ~40 ms (README, "Traps in the JDK's HttpServer").
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** The route that requires the scope {@code read}. */
  static final String READER = "/reader";
  /** The route that requires the role {@code admin}. */
  static final String ADMIN = "/admin";
  /** The optional route. */
  static final String OPTIONAL = "/optional";
  /** A route like {@link #READER} whose handler throws once the request is authorized. */
  static final String FAILING = "/failing";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final String prefix;

  /** Serves {@code directory}'s routes under {@code prefix} (empty, or starting with a slash). */
  AuthServer(Directory directory, String prefix) throws IOException {
    this.prefix = prefix;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext(prefix + READER,
        directory.handler(directory.route().scopes("read").build(), (exchange, token, user) -> greet(exchange, user)));
    server.createContext(prefix + ADMIN,
        directory.handler(directory.route().roles("admin").build(), (exchange, token, user) -> greet(exchange, user)));
    server.createContext(prefix + OPTIONAL, directory.handler(directory.route().optional().build(),
        (exchange, token, user) -> greet(exchange, user)));
    server.createContext(prefix + FAILING, directory.handler(directory.route().scopes("read").build(),
        (exchange, token, user) -> {
          throw new IllegalStateException("the handler failed");
        }));
    server.start();
  }

  /** Sends {@code GET <prefix><route>} with these header lines on a connection of its own. */
  RawHttp.Response get(String route, String... headerLines) throws IOException {
    return RawHttp.exchange(server.getAddress().getPort(), RawHttp.get(prefix + route, headerLines));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void greet(HttpExchange exchange, Member user) throws IOException {
    byte[] body = ("hello " + (user == null ? "stranger" : user.name())).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
