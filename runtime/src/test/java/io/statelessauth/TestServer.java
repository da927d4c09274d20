package io.statelessauth;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A real {@link HttpServer} on a free loopback port, and a real client to call it. */
final class TestServer implements AutoCloseable {
  static {
    // JDK-6968351: without it every keep-alive response stalls ~40 ms (README, "Traps in the JDK's HttpServer").
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  private final HttpServer server;
  private final ExecutorService executor;

  private TestServer(ExecutorService executor) throws IOException {
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = executor;
    server.setExecutor(executor);
    server.start();
  }

  /** A server whose handlers all run on one pooled thread. */
  static TestServer start() throws IOException {
    return new TestServer(Executors.newSingleThreadExecutor());
  }

  /** A server with {@code threads} handler threads, for concurrent requests. */
  static TestServer start(int threads) throws IOException {
    return new TestServer(Executors.newFixedThreadPool(threads));
  }

  /** A server whose handlers run on {@code executor}, which it shuts down when closed. */
  static TestServer start(ExecutorService executor) throws IOException {
    return new TestServer(executor);
  }

  HttpContext context(String path, HttpHandler handler) {
    return server.createContext(path, handler);
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI uri(String path) {
    return URI.create("http://" + server.getAddress().getHostString() + ":" + port() + path);
  }

  /** {@code GET path} with the given header name/value pairs. */
  HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  /** {@code GET path} with {@code Authorization: <authorization>}. */
  HttpResponse<String> getWith(String path, String authorization) {
    return get(path, "Authorization", authorization);
  }

  HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request;
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
    return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends {@code status} with {@code body} as UTF-8 text and closes the exchange. */
  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
