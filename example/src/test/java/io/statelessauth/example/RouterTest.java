package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
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
import java.util.logging.Level;
import io.statelessauth.testsupport.LogCapture;
import io.statelessauth.testsupport.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouterTest {

  private static HttpServer server;
  private static URI base;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws IOException {
    Router router = new Router()
        .route("POST", "/echo", exchange -> {
          Credentials credentials = Credentials.from(Json.readObject(exchange));
          Json.send(exchange, 200, Map.of("username", credentials.username()));
        })
        .route("DELETE", "/echo", exchange -> Json.send(exchange, 200, Map.of()))
        .route("GET", "/taken", exchange -> {
          throw ApiError.conflict("Username already taken");
        })
        .route("GET", "/broken", exchange -> {
          throw new IllegalStateException("bug");
        })
        .route("GET", "/admin/users", exchange -> Json.send(exchange, 200, Map.of("admin", true)));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", router);
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
  void aRouteGetsItsRequest() throws Exception {
    HttpResponse<String> response = post("{\"username\": \"alice\", \"password\": \"x\"}");

    assertEquals(200, response.statusCode());
    assertEquals("{\"username\":\"alice\"}", response.body());
    assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nothing", "/echo/", "/echoes", "/ECHO"})
  void anUnknownPathIs404Json(String path) throws Exception {
    HttpResponse<String> response = send("GET", path, BodyPublishers.noBody());

    assertEquals(404, response.statusCode());
    assertEquals("{\"error\":\"Not found\"}", response.body());
  }

  @Test
  void anotherMethodIs405ListingTheAllowedOnes() throws Exception {
    HttpResponse<String> response = send("PUT", "/echo", BodyPublishers.noBody());

    assertEquals(405, response.statusCode());
    assertEquals("DELETE, POST", response.headers().firstValue("Allow").orElseThrow());
    assertEquals("{\"error\":\"Method not allowed\"}", response.body());
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
  void aBodyOfExactly64KiBIsRead() throws Exception {
    String prefix = "{\"username\": \"alice\", \"password\": \"";
    String body = prefix + "p".repeat(Json.MAX_BODY_BYTES - prefix.length() - 2) + "\"}";

    assertEquals(200, post(body).statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "not json", "{\"username\": \"alice\"", "[\"alice\"]", "\"alice\"", "null",
      "{\"username\": \"alice\", \"password\": \"x\"} trailing",
      "{\"username\": \"alice\", \"username\": \"bob\", \"password\": \"x\"}",
      "{\"password\": \"x\"}", "{\"username\": 42, \"password\": \"x\"}",
      "{\"username\": \"alice\", \"password\": null}",
      "{\"username\": [\"alice\"], \"password\": \"x\"}"})
  void malformedOrMistypedBodiesAre400(String body) throws Exception {
    HttpResponse<String> response = post(body);

    assertEquals(400, response.statusCode());
    assertEquals(true, Json.parse(response.body()).path("error").isTextual(), response.body());
  }

  @Test
  void anApiErrorAnswersWithItsStatus() throws Exception {
    HttpResponse<String> response = send("GET", "/taken", BodyPublishers.noBody());

    assertEquals(409, response.statusCode());
    assertEquals("{\"error\":\"Username already taken\"}", response.body());
  }

  @Test
  void anyOtherFailureIs500WithoutDetails() throws Exception {
    HttpResponse<String> response = send("GET", "/broken", BodyPublishers.noBody());

    assertEquals(500, response.statusCode());
    assertEquals("{\"error\":\"Internal server error\"}", response.body());
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

  @Test
  void failuresAreLoggedAtMostTenAMinute() throws Exception {
    try (LogCapture log = LogCapture.of(Router.class.getName(), Level.ALL)) {
      for (int i = 0; i < 50; i++) {
        assertEquals(500, send("GET", "/broken", BodyPublishers.noBody()).statusCode());
      }

      int logged = log.records().size();
      assertTrue(logged >= 1 && logged <= FailureLog.PER_INTERVAL, "logged " + logged);
    }
  }

  @Test
  void theFailuresNotLoggedAreCountedInTheNextLineLogged() {
    MutableClock clock = new MutableClock();
    try (LogCapture log = LogCapture.of("failure-log-test", Level.ALL)) {
      FailureLog failures = new FailureLog(System.getLogger("failure-log-test"), clock);
      for (int i = 0; i < 25; i++) {
        failures.failed("failed " + i, new IllegalStateException("bug"));
      }
      assertEquals(FailureLog.PER_INTERVAL, log.records().size());

      clock.advance(FailureLog.INTERVAL);
      failures.failed("failed again", new IllegalStateException("bug"));

      assertEquals(FailureLog.PER_INTERVAL + 1, log.records().size());
      assertEquals("failed again (15 more failed requests were not logged)",
          log.records().get(FailureLog.PER_INTERVAL).getMessage());
      assertFalse(log.records().get(0).getThrown() == null, "each line logged has its trace");
    }
  }

  private static int port() {
    return server.getAddress().getPort();
  }
}
