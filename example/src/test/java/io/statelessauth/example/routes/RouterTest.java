package io.statelessauth.example.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.testsupport.MutableClock;
import io.statelessauth.testing.TestRequest;
import io.statelessauth.testing.TestResponse;
import io.statelessauth.testsupport.LogCapture;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the {@link Router} answers to one request, run in memory through the test kit: the route
 * matched, 404 and 405, bodies read and refused, an {@link ApiError} or another failure turned into
 * an answer, and failures logged sparingly. What needs a real connection is in {@link
 * RouterOverTheWireTest}.
 */
class RouterTest {

  private static final Router ROUTER = TestRoutes.router();

  private static TestResponse send(String method, String path) {
    return TestRequest.method(method, path).send(ROUTER);
  }

  private static TestResponse post(String body) {
    return TestRequest.post("/echo").body(body).send(ROUTER);
  }

  @Test
  void aRouteGetsItsRequest() {
    TestResponse response = post("{\"username\": \"alice\", \"password\": \"x\"}");

    assertEquals(200, response.status());
    assertEquals("{\"username\":\"alice\"}", response.bodyText());
    assertEquals("application/json; charset=utf-8", response.header("Content-Type"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nothing", "/echo/", "/echoes", "/ECHO"})
  void anUnknownPathIs404Json(String path) {
    TestResponse response = send("GET", path);

    assertEquals(404, response.status());
    assertEquals("{\"error\":\"Not found\"}", response.bodyText());
  }

  @Test
  void anotherMethodIs405ListingTheAllowedOnes() {
    TestResponse response = send("PUT", "/echo");

    assertEquals(405, response.status());
    assertEquals("DELETE, POST", response.header("Allow"));
    assertEquals("{\"error\":\"Method not allowed\"}", response.bodyText());
  }

  @Test
  void aBodyOfExactly64KiBIsRead() {
    String prefix = "{\"username\": \"alice\", \"password\": \"";
    String body = prefix + "p".repeat(Json.MAX_BODY_BYTES - prefix.length() - 2) + "\"}";

    assertEquals(200, post(body).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "not json", "{\"username\": \"alice\"", "[\"alice\"]", "\"alice\"", "null",
      "{\"username\": \"alice\", \"password\": \"x\"} trailing",
      "{\"username\": \"alice\", \"username\": \"bob\", \"password\": \"x\"}",
      "{\"password\": \"x\"}", "{\"username\": 42, \"password\": \"x\"}",
      "{\"username\": \"alice\", \"password\": null}",
      "{\"username\": [\"alice\"], \"password\": \"x\"}"})
  void malformedOrMistypedBodiesAre400(String body) {
    TestResponse response = post(body);

    assertEquals(400, response.status());
    assertEquals(true, Json.parse(response.bodyText()).path("error").isTextual(),
        response.bodyText());
  }

  @Test
  void anApiErrorAnswersWithItsStatus() {
    TestResponse response = send("GET", "/taken");

    assertEquals(409, response.status());
    assertEquals("{\"error\":\"Username already taken\"}", response.bodyText());
  }

  @Test
  void anyOtherFailureIs500WithoutDetails() {
    TestResponse response = send("GET", "/broken");

    assertEquals(500, response.status());
    assertEquals("{\"error\":\"Internal server error\"}", response.bodyText());
  }

  @Test
  void failuresAreLoggedAtMostTenAMinute() {
    try (LogCapture log = LogCapture.of(Router.class.getName(), Level.ALL)) {
      for (int i = 0; i < 50; i++) {
        assertEquals(500, send("GET", "/broken").status());
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
}
