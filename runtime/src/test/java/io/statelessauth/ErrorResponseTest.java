package io.statelessauth;

import static io.statelessauth.Responses.BARE_CHALLENGE;
import static io.statelessauth.Responses.JSON;
import static io.statelessauth.Responses.assertOk;
import static io.statelessauth.Responses.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.testsupport.LogCapture;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default error response on the wire: exact header and body, JSON escaping, HEAD, and the
 * connection left usable after a refusal.
 */
class ErrorResponseTest {
  private TestServer server;
  private TestManager manager;

  @BeforeEach
  void start() throws IOException {
    server = TestServer.start();
    manager = new TestManager();
    server.context("/secure", manager.handler(manager.route().build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void errorBodyIsExactlyTheFullMessageAsUtf8Json() {
    HttpResponse<String> response = server.get("/secure");

    assertEquals(401, response.statusCode());
    assertEquals(List.of(JSON), response.headers().allValues("Content-Type"));
    assertEquals("{\"error\": \"Request error: Missing Authorization header\"}", response.body());
    assertEquals(List.of(String.valueOf(response.body().length())), response.headers().allValues("Content-Length"));
  }

  @Test
  void wwwAuthenticateIsExactlyTheRfc6750Challenge() {
    assertEquals(List.of(BARE_CHALLENGE), server.get("/secure").headers().allValues("WWW-Authenticate"));
    assertEquals(List.of("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"Invalid access token\""),
        server.getWith("/secure", "Bearer unknown").headers().allValues("WWW-Authenticate"));
  }

  @Test
  void realmComesFromTheConfig() {
    TestManager realmed = TestManager.builder().config(StatelessAuthConfig.builder().realm("my app, v2").build()).build();
    server.context("/realm", realmed.handler(realmed.route().build(), (exchange, token, user) -> {}));

    assertRefused(server.get("/realm"), 401, "Bearer realm=\"my app, v2\"", "Request error: Missing Authorization header");
  }

  @Test
  void errorBodyEscapesQuotesBackslashesAndControlCharacters() {
    String msg = "say \"no\" \\ path\n\r\t\b\f \u0000\u0001\u001f\u007f end";
    manager.failTokenLoader(new StatelessAuthError(msg, 401, "Token"));

    HttpResponse<String> response = server.getWith("/secure", "Bearer alice-token");

    assertEquals(401, response.statusCode());
    assertEquals("Token error: " + msg, Json.errorText(response.body()));
    assertEquals("{\"error\": \"Token error: say \\\"no\\\" \\\\ path\\n\\r\\t\\u0008\\u000c \\u0000\\u0001\\u001f\\u007f end\"}",
        response.body());
  }

  @Test
  void errorBodyKeepsNonAsciiAsUtf8() {
    String msg = "caf\u00e9 \u65e5\u672c \ud83d\udd11";
    manager.failTokenLoader(new StatelessAuthError(msg, 401, "Token"));

    HttpResponse<String> response = server.getWith("/secure", "Bearer alice-token");

    assertEquals("{\"error\": \"Token error: " + msg + "\"}", response.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u2028", "\u2029"})
  void errorBodyEscapesLineAndParagraphSeparatorsWithoutChangingThem(String separator) {
    String msg = "before" + separator + "after";
    manager.failTokenLoader(new StatelessAuthError(msg, 401, "Token"));

    HttpResponse<String> response = server.getWith("/secure", "Bearer alice-token");

    assertEquals("Token error: " + msg, Json.errorText(response.body()), response.body());
  }

  @Test
  void headRequestGetsStatusAndHeadersButNoBody() {
    HttpResponse<String> response;
    try (LogCapture jdkLog = LogCapture.of(LogCapture.JDK_SERVER, Level.INFO)) {
      response = server.send(server.request("/secure").method("HEAD", HttpRequest.BodyPublishers.noBody()));

      // The JDK would drop a body itself, with a warning; the runtime must not offer one.
      assertEquals(List.of(), jdkLog.records().stream().map(LogCapture::printed).toList());
    }
    assertEquals(401, response.statusCode());
    assertEquals(List.of(BARE_CHALLENGE), response.headers().allValues("WWW-Authenticate"));
    assertEquals(List.of(JSON), response.headers().allValues("Content-Type"));
    assertEquals("", response.body());
  }

  @Test
  void refusedHeadLeavesNoBodyBytesOnTheConnection() throws IOException {
    try (RawHttp http = new RawHttp(server.port())) {
      RawHttp.Response head = http.exchange(RawHttp.request("HEAD", "/secure", ""));
      RawHttp.Response next = http.exchange(RawHttp.get("/secure", "Authorization: Bearer alice-token"));

      assertEquals(401, head.status());
      assertOk(next, "hello alice");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {11, 20_000})
  void refusedPostWithBodyLeavesTheKeepAliveConnectionUsable(int bodyLength) throws IOException {
    try (RawHttp http = new RawHttp(server.port())) {
      RawHttp.Response refused =
          http.exchange(RawHttp.request("POST", "/secure", "x".repeat(bodyLength), "Content-Type: text/plain"));
      RawHttp.Response next = http.exchange(RawHttp.get("/secure", "Authorization: Bearer alice-token"));

      assertRefused(refused, 401, BARE_CHALLENGE, "Request error: Missing Authorization header");
      assertOk(next, "hello alice");
    }
  }

  @Test
  void refusedPostWithUnknownTokenLeavesTheKeepAliveConnectionUsable() throws IOException {
    try (RawHttp http = new RawHttp(server.port())) {
      RawHttp.Response refused =
          http.exchange(RawHttp.request("POST", "/secure", "{\"a\": 1}", "Authorization: Bearer unknown"));
      RawHttp.Response next = http.exchange(RawHttp.get("/secure", "Authorization: Bearer bob-token"));

      assertEquals(401, refused.status());
      assertOk(next, "hello bob");
    }
  }
}
