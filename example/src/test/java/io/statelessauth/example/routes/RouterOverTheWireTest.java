package io.statelessauth.example.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.statelessauth.testsupport.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link Router} behind a real {@code HttpServer}, for what only the wire shows: the request
 * target and {@code Content-Length} as the JDK's server parsed them from raw bytes, a body streamed
 * in chunks, the connection closed or kept after an answer, and requests waiting for a handler slot
 * at once. What a route answers to one request is tested in memory in {@link RouterTest}.
 */
class RouterOverTheWireTest {

  private static HttpServer server;
  private static URI base;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", TestRoutes.router());
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static HttpResponse<String> send(String method, String path, BodyPublisher body)
      throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).method(method, body).build(),
        BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return send("POST", "/echo", BodyPublishers.ofString(body));
  }

  @Test
  void aDeclaredBodyOver64KiBIs413AndClosesTheConnection() throws Exception {
    HttpResponse<String> response = post("{\"username\": \"" + "a".repeat(70_000) + "\"}");

    assertEquals(413, response.statusCode());
    assertEquals("close", response.headers().firstValue("Connection").orElseThrow());
    assertEquals(200, post("{\"username\": \"alice\", \"password\": \"x\"}").statusCode(),
        "the client's next request goes on a new connection");
  }

  @Test
  void aStreamedBodyOver64KiBIs413() throws Exception {
    byte[] body = ("{\"username\": \"" + "a".repeat(70_000) + "\"}").getBytes();

    HttpResponse<String> response = send("POST", "/echo",
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

    assertEquals(413, response.statusCode());
    assertEquals("close", response.headers().firstValue("Connection").orElseThrow());
  }

  @Test
  void aRequestThatFindsEverySlotTakenForTheSlotWaitAnswers503WithRetryAfter() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Router oneSlot = new Router(1).route("GET", "/slow", exchange -> {
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Json.send(exchange, 200, Map.of());
    });
    HttpServer busy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    busy.setExecutor(threads);
    busy.createContext("/", oneSlot);
    busy.start();
    try {
      HttpRequest slow = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + busy.getAddress().getPort() + "/slow")).build();
      CompletableFuture<HttpResponse<String>> first =
          CLIENT.sendAsync(slow, BodyHandlers.ofString());
      assertTrue(entered.await(30, TimeUnit.SECONDS));

      long start = System.nanoTime();
      HttpResponse<String> second = CLIENT.send(slow, BodyHandlers.ofString());
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      release.countDown();

      assertTrue(waitedMillis >= 5_000,
          "answered 503 after " + waitedMillis + " ms, before the 5 s slot wait");
      assertEquals(503, second.statusCode());
      assertEquals("1", second.headers().firstValue("Retry-After").orElse(null));
      assertEquals("{\"error\":\"Server busy, try again later\"}", second.body());
      assertEquals(200, first.get(30, TimeUnit.SECONDS).statusCode());
    } finally {
      release.countDown();
      busy.stop(0);
      threads.shutdownNow();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/%61dmin/users", "/admin%2Fusers", "/admin%2fusers", "/%2Fadmin/users",
      "/admin/%75sers", "/%74aken", "/%2e/admin/users"})
  void aPercentEncodedPathIs400AndReachesNoRoute(String path) throws Exception {
    RawHttp.Response response = RawHttp.exchange(port(), RawHttp.get(path));

    assertEquals(400, response.status(), response.body());
    assertEquals("{\"error\":\"The path must not be percent-encoded\"}", response.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://evil/admin/users", "http://localhost/taken",
      "HTTP://evil/admin/users", "//evil/admin/users"})
  void anAbsoluteFormTargetIs400(String target) throws Exception {
    RawHttp.Response response = RawHttp.exchange(port(), RawHttp.get(target));

    assertEquals(400, response.status(), response.body());
    assertEquals("{\"error\":\"The request target must be a path, such as /whoami\"}",
        response.body());
  }

  @Test
  void thePlainPathStillReachesItsRoute() throws Exception {
    assertEquals(200, RawHttp.exchange(port(), RawHttp.get("/admin/users")).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"+31", "+0", "-0"})
  void aContentLengthThatIsNotPlainDigitsIs400AndTheRestOfTheConnectionIsNeverRead(String length)
      throws Exception {
    String body = "{\"username\":\"a\",\"password\":\"b\"}"; // 31 bytes
    String smuggled = "DELETE /echo HTTP/1.1\r\nHost: localhost\r\n\r\n";
    String request = "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
        + length + "\r\n\r\n" + body + smuggled;

    String everything = RawHttp.everything(port(), request.getBytes(StandardCharsets.ISO_8859_1));

    assertTrue(everything.startsWith("HTTP/1.1 400 "), everything);
    assertTrue(everything.contains("Content-Length must be one number, digits only"), everything);
    assertEquals(1, everything.split("HTTP/1.1 ", -1).length - 1,
        "one answer, then the connection was closed: " + everything);
  }

  @Test
  void aContentLengthSentTwiceOrBesideTransferEncodingIs400() throws Exception {
    String twice = "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
        + "Content-Length: 2\r\n\r\n{}";
    String withChunks = "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 7\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";

    for (String request : List.of(twice, withChunks)) {
      RawHttp.Response response = RawHttp.exchange(port(), request);
      assertEquals(400, response.status(), request);
      assertEquals("close", response.header("Connection"));
    }
  }

  @Test
  void aPlainContentLengthIsRead() throws Exception {
    try (RawHttp http = new RawHttp(port())) {
      String body = "{\"username\": \"alice\", \"password\": \"x\"}";
      assertEquals(200, http.exchange(RawHttp.request("POST", "/echo", body)).status());
      assertTrue(http.isOpen());
      assertEquals(200, http.exchange("DELETE /echo HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Length: 0\r\n\r\n").status(), "the connection is kept");
    }
  }

  private static int port() {
    return server.getAddress().getPort();
  }
}
