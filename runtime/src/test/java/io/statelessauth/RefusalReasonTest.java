package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.testsupport.LogCapture;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link StatelessAuthError#reason()}: every refusal tells the listener which step refused, one
 * {@link AuthFailure} per row of the README's request table, beside the status it answers.
 */
class RefusalReasonTest {
  private final List<StatelessAuthError> refusals = new CopyOnWriteArrayList<>();
  private volatile StatelessAuthError onAuthorizedFailure;
  private TestServer server;
  private TestManager manager;
  private LogCapture log;

  @BeforeEach
  void start() throws IOException {
    log = LogCapture.of(LogCapture.RUNTIME, Level.OFF);
    server = TestServer.start();
    manager = TestManager.builder().listener(new AuthListener() {
      @Override
      public void onAuthorized(HttpExchange exchange, Object user) {
        if (onAuthorizedFailure != null) {
          throw onAuthorizedFailure;
        }
      }

      @Override
      public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
        refusals.add(error);
      }
    }).build();
    manager.token("expired-token", TestToken.expiredFor("alice"))
        .token("carol-token", TestToken.of("carol", "read"))
        .token("ghost-token", TestToken.of("ghost", "read"))
        .user(TestUser.inactive("carol"))
        .user(new TestUser("ada", true, Set.of("admin")));
    server.context("/secure", manager.handler(manager.route().build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));
    server.context("/write", manager.handler(manager.route().scopes("write").build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "written")));
    server.context("/admin", manager.handler(manager.route().roles("admin").build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "admin")));
    server.context("/broken", manager.handler(manager.route().build(), (exchange, token, user) -> {
      throw new IllegalStateException("handler bug");
    }));
    server.context("/quota", manager.handler(manager.route().build(), (exchange, token, user) -> {
      throw new StatelessAuthError("Quota exceeded", 429, "Quota");
    }));
  }

  @AfterEach
  void stop() {
    server.close();
    log.close();
  }

  /** The one refusal of a request to {@code path} with these header lines, after checking its status. */
  private StatelessAuthError refusal(int status, String path, String... headerLines) throws IOException {
    RawHttp.Response response = RawHttp.exchange(server.port(), RawHttp.get(path, headerLines));
    assertEquals(status, response.status(), response::body);
    assertEquals(1, refusals.size(), refusals::toString);
    return refusals.get(0);
  }

  @ParameterizedTest(name = "{2} {1}: {3}")
  @CsvSource(delimiter = '|', value = {
      "MISSING_CREDENTIALS   | 401 | /secure | ",
      "MISSING_CREDENTIALS   | 401 | /secure | Authorization:   ",
      "MISSING_CREDENTIALS   | 401 | /secure | Authorization: Basic YWxpY2U6c2VjcmV0",
      "MALFORMED_CREDENTIALS | 400 | /secure | Authorization: Bearer alice token",
      "MALFORMED_CREDENTIALS | 400 | /secure | Authorization: Bearer",
      "UNKNOWN_TOKEN         | 401 | /secure | Authorization: Bearer mallory-token",
      "EXPIRED_TOKEN         | 401 | /secure | Authorization: Bearer expired-token",
      "INSUFFICIENT_SCOPE    | 403 | /write  | Authorization: Bearer alice-token",
      "INACTIVE_USER         | 401 | /secure | Authorization: Bearer carol-token",
      "INSUFFICIENT_ROLE     | 403 | /admin  | Authorization: Bearer alice-token",
      "UNKNOWN_USER          | 500 | /secure | Authorization: Bearer ghost-token",
      "SERVER_ERROR          | 500 | /broken | Authorization: Bearer alice-token",
      "APPLICATION           | 429 | /quota  | Authorization: Bearer alice-token",
  })
  void eachRefusalCarriesItsReason(AuthFailure reason, int status, String path, String headerLine)
      throws IOException {
    String[] headerLines = headerLine == null ? new String[0] : new String[] {headerLine};

    assertEquals(reason, refusal(status, path, headerLines).reason());
  }

  @Test
  void aRepeatedCredentialsHeaderIsMultipleCredentials() throws IOException {
    assertEquals(AuthFailure.MULTIPLE_CREDENTIALS, refusal(400, "/secure",
        "Authorization: Bearer alice-token", "Authorization: Bearer bob-token").reason());
  }

  @Test
  void aTokenLongerThanTheMaximumIsMalformedCredentials() throws IOException {
    String tooLong = "a".repeat(StatelessAuthConfig.defaults().maxTokenLength() + 1);

    assertEquals(AuthFailure.MALFORMED_CREDENTIALS,
        refusal(400, "/secure", "Authorization: Bearer " + tooLong).reason());
  }

  @Test
  void aLoaderThatFailsIsServerError() throws IOException {
    manager.failTokenLoader(new IllegalStateException("database down"));

    assertEquals(AuthFailure.SERVER_ERROR, refusal(500, "/secure", "Authorization: Bearer alice-token").reason());
  }

  @Test
  void aLoadersOwnErrorIsApplication() throws IOException {
    StatelessAuthError revoked = new StatelessAuthError("Token revoked", 401, "Token");
    manager.failTokenLoader(revoked);

    assertSame(revoked, refusal(401, "/secure", "Authorization: Bearer alice-token"));
    assertEquals(AuthFailure.APPLICATION, revoked.reason());
  }

  @Test
  void aListenersOwnErrorIsApplication() throws IOException {
    onAuthorizedFailure = new StatelessAuthError("Too many requests", 429, "Quota");

    assertEquals(AuthFailure.APPLICATION, refusal(429, "/secure", "Authorization: Bearer alice-token").reason());
  }

  @Test
  void aCachedManagerGivesTheSameReasonsAsAnUncachedOne() throws IOException {
    AuthCache cache = AuthCache.builder().maximumSize(10).expireAfterWrite(Duration.ofMinutes(1)).build();
    TestManager cached = TestManager.builder().cache(cache).listener(new AuthListener() {
      @Override
      public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
        refusals.add(error);
      }
    }).build().token("ghost-token", TestToken.of("ghost", "read")).token("expired-token", TestToken.expiredFor("alice"));
    server.context("/cached", cached.handler(cached.route().build(), (exchange, token, user) -> {}));

    assertEquals(AuthFailure.UNKNOWN_USER, refusal(500, "/cached", "Authorization: Bearer ghost-token").reason());
    refusals.clear();
    assertEquals(AuthFailure.EXPIRED_TOKEN, refusal(401, "/cached", "Authorization: Bearer expired-token").reason());
    refusals.clear();
    assertEquals(AuthFailure.UNKNOWN_TOKEN, refusal(401, "/cached", "Authorization: Bearer mallory-token").reason());
  }
}
