package io.statelessauth;

import static io.statelessauth.Responses.BARE_CHALLENGE;
import static io.statelessauth.Responses.assertOk;
import static io.statelessauth.Responses.assertRefused;
import static io.statelessauth.Responses.challenge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.testsupport.LogCapture;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link AuthListener}: told of every outcome, and what happens when it throws. */
class ListenerTest {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<StatelessAuthError> refusals = new CopyOnWriteArrayList<>();
  private TestServer server;
  private LogCapture log;
  private volatile RuntimeException onAuthorizedFailure;
  private volatile RuntimeException onUnauthorizedFailure;
  private TestManager manager;

  private final AuthListener listener = new AuthListener() {
    @Override
    public void onAuthorized(HttpExchange exchange, Object user) {
      events.add("authorized " + user + " on " + exchange.getRequestURI().getPath()
          + ", bound " + CurrentStatelessUser.get()
          + ", attribute " + exchange.getAttribute("current_stateless_user"));
      if (onAuthorizedFailure != null) {
        throw onAuthorizedFailure;
      }
    }

    @Override
    public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
      events.add("unauthorized " + error.code() + " on " + exchange.getRequestURI().getPath()
          + ", bound " + CurrentStatelessUser.get());
      refusals.add(error);
      if (onUnauthorizedFailure != null) {
        throw onUnauthorizedFailure;
      }
    }
  };

  @BeforeEach
  void start() throws IOException {
    log = LogCapture.of(LogCapture.RUNTIME, Level.INFO);
    server = TestServer.start();
    manager = TestManager.builder().listener(listener).build();
    server.context("/secure", manager.handler(manager.route().build(), (exchange, token, user) -> {
      events.add("handler " + user.name());
      TestServer.respond(exchange, 200, "hello " + user.name());
    }));
  }

  @AfterEach
  void stop() {
    server.close();
    log.close();
  }

  @Test
  void successIsReportedWithTheBoundUserBeforeTheHandlerRuns() {
    assertOk(server.getWith("/secure", "Bearer alice-token"), "hello alice");

    String alice = TestUser.active("alice").toString();
    assertEquals(List.of("authorized " + alice + " on /secure, bound " + alice + ", attribute " + alice,
        "handler alice"), events);
  }

  @Test
  void eachRefusalIsReportedWithItsErrorAndNoUserBound() {
    assertEquals(401, server.get("/secure").statusCode());
    assertEquals(401, server.getWith("/secure", "Bearer unknown").statusCode());
    assertEquals(400, server.getWith("/secure", "Bearer a b").statusCode());

    assertEquals(List.of("unauthorized 401 on /secure, bound null", "unauthorized 401 on /secure, bound null",
        "unauthorized 400 on /secure, bound null"), events);
    assertEquals(List.of("Missing Authorization header", "Invalid access token",
        "Authorization header must be 'Bearer <token>'"), refusals.stream().map(StatelessAuthError::msg).toList());
  }

  @Test
  void loaderErrorIsReportedAsItIs() {
    StatelessAuthError revoked = new StatelessAuthError("Token revoked", 401, "Revoked");
    manager.failTokenLoader(revoked);

    assertEquals(401, server.getWith("/secure", "Bearer alice-token").statusCode());
    assertSame(revoked, refusals.get(0));
  }

  @Test
  void unexpectedFailureIsReportedAsTheGeneric500() {
    manager.failTokenLoader(new IllegalStateException("database down"));

    assertEquals(500, server.getWith("/secure", "Bearer alice-token").statusCode());
    assertEquals(1, refusals.size());
    assertEquals("Server error: Internal server error", refusals.get(0).fullMsg());
  }

  @Test
  void handlerErrorIsReportedAfterTheAuthorization() {
    TestManager throwing = TestManager.builder().listener(listener).build();
    server.context("/throwing", throwing.handler(throwing.route().build(), (exchange, token, user) -> {
      throw new StatelessAuthError("Not your document", 403, "Access");
    }));

    assertEquals(403, server.getWith("/throwing", "Bearer alice-token").statusCode());
    assertEquals(2, events.size(), events::toString);
    assertEquals("unauthorized 403 on /throwing, bound null", events.get(1));
  }

  @Test
  void onUnauthorizedThatThrowsIsLoggedAndTheRefusalStillSent() {
    IllegalStateException failure = new IllegalStateException("metrics down");
    onUnauthorizedFailure = failure;

    assertRefused(server.getWith("/secure", "Bearer unknown"), 401,
        challenge("invalid_token", "Invalid access token"), "Token error: Invalid access token");
    assertEquals(1, log.records().size());
    assertEquals(Level.SEVERE, log.records().get(0).getLevel());
    assertSame(failure, log.records().get(0).getThrown());
  }

  @Test
  void onAuthorizedThatThrowsGives500WithoutRunningTheHandler() {
    IllegalStateException failure = new IllegalStateException("audit log down");
    onAuthorizedFailure = failure;

    assertRefused(server.getWith("/secure", "Bearer alice-token"), 500, null, "Server error: Internal server error");
    assertFalse(events.contains("handler alice"), events::toString);
    assertSame(failure, log.records().get(0).getThrown());
  }

  @Test
  void onAuthorizedThatThrowsStatelessAuthErrorRefusesTheRequest() {
    onAuthorizedFailure = new StatelessAuthError("Too many requests", 429, "Quota");

    assertRefused(server.getWith("/secure", "Bearer alice-token"), 429, null, "Quota error: Too many requests");
    assertFalse(events.contains("handler alice"), events::toString);
    assertEquals(List.of(), log.records());
  }

  @Test
  void defaultListenerDoesNothing() {
    TestManager quiet = new TestManager();
    server.context("/quiet", quiet.handler(quiet.route().build(), (exchange, token, user) -> TestServer.respond(exchange, 200, "ok")));

    assertOk(server.getWith("/quiet", "Bearer alice-token"), "ok");
    assertRefused(server.get("/quiet"), 401, BARE_CHALLENGE, "Request error: Missing Authorization header");
    assertEquals(List.of(), events);
  }
}
