package io.statelessauth;

import static io.statelessauth.Responses.BARE_CHALLENGE;
import static io.statelessauth.Responses.assertOk;
import static io.statelessauth.Responses.assertRefused;
import static io.statelessauth.Responses.challenge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.testsupport.LogCapture;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request steps after the header (README, "One request, step by step") end to end: the loaders, the mixin checks, errors thrown by loaders and by
 * the handler, and what is logged.
 */
class LoaderStepsTest {
  private static final String SERVER_ERROR = "Server error: Internal server error";

  private final List<StatelessAuthError> handled = new CopyOnWriteArrayList<>();
  private TestServer server;
  private TestManager manager;
  private LogCapture log;
  private volatile AuthenticatedCall<TestToken, TestUser> call;

  @BeforeEach
  void start() throws IOException {
    log = LogCapture.of(LogCapture.RUNTIME, Level.INFO);
    server = TestServer.start();
    AuthErrorHandler recordingJson = (exchange, error) -> {
      handled.add(error);
      AuthErrorHandler.json().handle(exchange, error);
    };
    manager = TestManager.builder().errorHandler(recordingJson).build();
    call = (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name());
    route("/secure", manager.route().build());
  }

  @AfterEach
  void stop() {
    server.close();
    log.close();
  }

  private void route(String path, AuthRoute route) {
    server.context(path, manager.handler(route, (exchange, token, user) -> call.call(exchange, token, user)));
  }

  private HttpResponse<String> alice(String path) {
    return server.getWith(path, "Bearer alice-token");
  }

  // Step 3: the token loader

  @Test
  void knownTokenReachesTheHandlerWithItsModelAndUser() {
    call = (exchange, token, user) -> TestServer.respond(exchange, 200, token + " " + user);

    assertOk(alice("/secure"), TestToken.of("alice", "read") + " " + TestUser.active("alice"));
    assertEquals(List.of("alice-token|access|Bearer"), manager.tokenLoads);
    assertEquals(List.of("alice"), manager.userLoads);
    assertEquals(List.of(), log.records());
  }

  @Test
  void routeTokenTypeAndSchemeArePassedToTheTokenLoader() {
    route("/refresh", manager.route().tokenType("refresh").authType("Token").build());

    assertOk(server.getWith("/refresh", "Token alice-token"), "hello alice");
    assertEquals(List.of("alice-token|refresh|Token"), manager.tokenLoads);
  }

  @Test
  void unknownTokenGives401InvalidToken() {
    HttpResponse<String> response = server.getWith("/secure", "Bearer nobody-token");

    assertRefused(response, 401, challenge("invalid_token", "Invalid access token"), "Token error: Invalid access token");
    assertEquals(List.of(), manager.userLoads);
  }

  // Step 4: TokenMixin

  @Test
  void expiredTokenGives401NamingTheTokenType() {
    manager.token("old-token", TestToken.expiredFor("alice"));
    route("/refresh", manager.route().tokenType("refresh").build());

    assertRefused(server.getWith("/secure", "Bearer old-token"), 401,
        challenge("invalid_token", "access token expired"), "Token error: access token expired");
    assertRefused(server.getWith("/refresh", "Bearer old-token"), 401,
        challenge("invalid_token", "refresh token expired"), "Token error: refresh token expired");
    assertEquals(List.of(), manager.userLoads);
  }

  @Test
  void missingScopeGives403InsufficientScopeWithScopeParameter() {
    route("/write", manager.route().scopes("read", "write").build());

    assertRefused(alice("/write"), 403,
        challenge("insufficient_scope", "Insufficient scope") + ", scope=\"read write\"",
        "Scope error: Insufficient scope");
    assertEquals(List.of(), manager.userLoads);
  }

  @Test
  void allRequiredScopesGrantedPasses() {
    route("/write", manager.route().scopes("read", "write").build());

    assertOk(server.getWith("/write", "Bearer bob-token"), "hello bob");
  }

  @Test
  void modelWithNullScopesGrantsNothing() {
    manager.token("null-scopes", new TestToken("alice", false, null));
    route("/read", manager.route().scopes("read").build());

    assertRefused(server.getWith("/read", "Bearer null-scopes"), 403,
        challenge("insufficient_scope", "Insufficient scope") + ", scope=\"read\"", "Scope error: Insufficient scope");
  }

  @Test
  void modelWithNullScopesPassesARouteThatRequiresNone() {
    manager.token("null-scopes", new TestToken("alice", false, null));

    assertOk(server.getWith("/secure", "Bearer null-scopes"), "hello alice");
  }

  @Test
  void refusalOtherThan403OnAScopedRouteNamesNoScope() {
    route("/read", manager.route().scopes("read").build());

    assertRefused(server.getWith("/read", "Bearer nobody"), 401, challenge("invalid_token", "Invalid access token"),
        "Token error: Invalid access token");
  }

  // Step 5: the user loader and UserMixin

  @Test
  void userLoaderFindingNoUserGives500AndIsLogged() {
    manager.loseUsers();

    assertRefused(alice("/secure"), 500, null, SERVER_ERROR);
    List<LogRecord> records = log.records();
    assertEquals(1, records.size(), records::toString);
    assertEquals(Level.SEVERE, records.get(0).getLevel());
    assertTrue(records.get(0).getMessage().contains("GET /secure"), records.get(0).getMessage());
    assertFalse(LogCapture.printed(records.get(0)).contains("alice-token"));
  }

  @Test
  void inactiveUserGives401InvalidUser() {
    manager.user(TestUser.inactive("alice"));

    assertRefused(alice("/secure"), 401, challenge("invalid_token", "Invalid User"), "Token error: Invalid User");
  }

  // Step 7: errors from loaders

  @Test
  void statelessAuthErrorFromTokenLoaderIsAnsweredAsItIs() {
    StatelessAuthError revoked = new StatelessAuthError("Token revoked", 401, "Revoked");
    manager.failTokenLoader(revoked);

    assertRefused(alice("/secure"), 401, challenge("invalid_token", "Token revoked"), "Revoked error: Token revoked");
    assertEquals(1, handled.size());
    assertSame(revoked, handled.get(0));
    assertEquals(List.of(), log.records());
  }

  @Test
  void statelessAuthErrorFromUserLoaderIsAnsweredAsItIs() {
    StatelessAuthError locked = new StatelessAuthError("Account locked", 403, "Account");
    manager.failUserLoader(locked);

    assertRefused(alice("/secure"), 403, challenge("insufficient_scope", "Account locked"), "Account error: Account locked");
    assertSame(locked, handled.get(0));
  }

  @Test
  void statelessAuthError403FromLoaderOnScopedRouteNamesTheRouteScopes() {
    manager.failUserLoader(new StatelessAuthError("Read only today", 403, "Policy"));
    route("/read", manager.route().scopes("read").build());

    assertRefused(alice("/read"), 403,
        challenge("insufficient_scope", "Read only today") + ", scope=\"read\"", "Policy error: Read only today");
  }

  @Test
  void statelessAuthError400FromLoaderGetsInvalidRequest() {
    manager.failTokenLoader(new StatelessAuthError("Token from another tenant", 400, "Tenant"));

    assertRefused(alice("/secure"), 400, challenge("invalid_request", "Token from another tenant"),
        "Tenant error: Token from another tenant");
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 409, 429, 500, 503})
  void statelessAuthErrorWithOtherStatusFromLoaderHasNoChallenge(int status) {
    manager.failTokenLoader(new StatelessAuthError("Not now", status, "Custom"));

    assertRefused(alice("/secure"), status, null, "Custom error: Not now");
  }

  @Test
  void runtimeExceptionFromTokenLoaderGives500LoggedWithPathButNeverTheToken() {
    IllegalStateException failure = new IllegalStateException("database down");
    manager.failTokenLoader(failure);

    HttpResponse<String> response = server.get("/secure/doc?query=private-query", "Authorization", "Bearer alice-token");

    assertRefused(response, 500, null, SERVER_ERROR);
    assertFalse(response.body().contains("database down"), response.body());
    List<LogRecord> records = log.records();
    assertEquals(1, records.size(), records::toString);
    LogRecord record = records.get(0);
    assertEquals(Level.SEVERE, record.getLevel());
    assertSame(failure, record.getThrown());
    assertTrue(record.getMessage().contains("GET /secure/doc"), record.getMessage());
    String printed = LogCapture.printed(record);
    assertTrue(printed.contains("database down"), "the stack trace is logged");
    assertTrue(printed.contains("LoaderStepsTest.runtimeExceptionFromTokenLoader"), printed);
    assertFalse(printed.contains("alice-token"), printed);
    assertFalse(printed.contains("Bearer"), printed);
    assertFalse(printed.contains("private-query"), printed);
  }

  @Test
  void runtimeExceptionFromUserLoaderGives500AndIsLogged() {
    IllegalArgumentException failure = new IllegalArgumentException("bad row");
    manager.failUserLoader(failure);

    assertRefused(alice("/secure"), 500, null, SERVER_ERROR);
    assertEquals(1, log.records().size());
    assertSame(failure, log.records().get(0).getThrown());
  }

  @Test
  void errorFromLoaderGives500AndIsLogged() {
    AssertionError failure = new AssertionError("broken invariant");
    manager.failTokenLoader(failure);

    assertRefused(alice("/secure"), 500, null, SERVER_ERROR);
    assertSame(failure, log.records().get(0).getThrown());
  }

  @ParameterizedTest
  @ValueSource(strings = {"say \"no\"", "line\rbreak", "line\nbreak", "CRLF\r\nSet-Cookie: x=y", "caf\u00e9",
      "back\\slash", "tab\there", "nul\u0000byte", ""})
  void loaderMessageOutsideTheRfcCharactersIsReplacedInTheHeader(String msg) {
    manager.failTokenLoader(new StatelessAuthError(msg, 401, "Token"));

    assertRefused(alice("/secure"), 401, challenge("invalid_token", "Invalid token"), "Token error: " + msg);
  }

  @Test
  void loaderMessageWithEveryCharacterTheRfcAllowsIsKeptInTheHeader() {
    StringBuilder allowed = new StringBuilder();
    for (char c = 0x20; c <= 0x7E; c++) {
      if (c != '"' && c != '\\') {
        allowed.append(c);
      }
    }
    String msg = allowed.toString();
    manager.failTokenLoader(new StatelessAuthError(msg, 401, "Token"));

    assertRefused(alice("/secure"), 401, challenge("invalid_token", msg), "Token error: " + msg);
  }

  @Test
  void overlongLoaderMessageIsReplacedInTheHeader() {
    String longest = "x".repeat(200);
    manager.failTokenLoader(new StatelessAuthError(longest, 401, "Token"));
    assertRefused(alice("/secure"), 401, challenge("invalid_token", longest), "Token error: " + longest);

    String tooLong = "x".repeat(201);
    manager.failTokenLoader(new StatelessAuthError(tooLong, 401, "Token"));
    assertRefused(alice("/secure"), 401, challenge("invalid_token", "Invalid token"), "Token error: " + tooLong);
  }

  @Test
  void genericDescriptionMatchesTheErrorCode() {
    manager.failTokenLoader(new StatelessAuthError("bad \"request\"", 400, "Request"));
    assertRefused(alice("/secure"), 400, challenge("invalid_request", "Invalid request"), "Request error: bad \"request\"");

    manager.failTokenLoader(new StatelessAuthError("no \"scope\"", 403, "Scope"));
    assertRefused(alice("/secure"), 403, challenge("insufficient_scope", "Insufficient scope"), "Scope error: no \"scope\"");
  }

  // Step 7: errors from the handler

  @Test
  void statelessAuthErrorFromHandlerBeforeHeadersIsAnswered() {
    StatelessAuthError notYours = new StatelessAuthError("Not your document", 403, "Access");
    call = (exchange, token, user) -> {
      throw notYours;
    };

    assertRefused(alice("/secure"), 403, challenge("insufficient_scope", "Not your document"),
        "Access error: Not your document");
    assertSame(notYours, handled.get(0));
    assertEquals(List.of(), log.records());
  }

  @Test
  void statelessAuthErrorFromHandlerReplacesHeadersItSetButDidNotSend() {
    call = (exchange, token, user) -> {
      exchange.getResponseHeaders().set("Content-Type", "text/html");
      throw new StatelessAuthError("Gone", 401, "Token");
    };

    assertRefused(alice("/secure"), 401, challenge("invalid_token", "Gone"), "Token error: Gone");
  }

  @Test
  void statelessAuthErrorFromHandlerAfterHeadersIsLoggedAndTheResponseStands() throws Exception {
    StatelessAuthError late = new StatelessAuthError("Too late", 401, "Token");
    call = (exchange, token, user) -> {
      TestServer.respond(exchange, 200, "done");
      throw late;
    };

    assertOk(alice("/secure"), "done");
    LogRecord record = log.next();
    assertEquals(Level.SEVERE, record.getLevel());
    assertSame(late, record.getThrown());
    assertTrue(record.getMessage().contains("GET /secure"), record.getMessage());
    assertEquals(List.of(), handled);
  }

  @Test
  void runtimeExceptionFromHandlerGives500AndIsLogged() {
    IllegalStateException failure = new IllegalStateException("handler bug");
    call = (exchange, token, user) -> {
      throw failure;
    };

    assertRefused(alice("/secure"), 500, null, SERVER_ERROR);
    assertEquals(1, log.records().size());
    assertEquals(Level.SEVERE, log.records().get(0).getLevel());
    assertSame(failure, log.records().get(0).getThrown());
    assertFalse(LogCapture.printed(log.records().get(0)).contains("alice-token"));
  }

  // The error handler

  @Test
  void errorHandlerFindsTheChallengeAlreadySet() {
    TestManager plain = TestManager.builder().errorHandler((exchange, error) -> TestServer.respond(exchange, error.code(),
        "challenge: " + exchange.getResponseHeaders().getFirst("WWW-Authenticate"))).build();
    server.context("/plain", plain.handler(plain.route().build(), (exchange, token, user) -> {}));

    HttpResponse<String> response = server.get("/plain");

    assertEquals(401, response.statusCode());
    assertEquals("challenge: " + BARE_CHALLENGE, response.body());
  }

  @Test
  void errorHandlerThatThrowsGives500AndIsLogged() {
    IllegalStateException failure = new IllegalStateException("error handler bug");
    TestManager broken = TestManager.builder().errorHandler((exchange, error) -> {
      throw failure;
    }).build();
    server.context("/broken", broken.handler(broken.route().build(), (exchange, token, user) -> {}));

    HttpResponse<String> response = server.get("/broken");

    assertEquals(500, response.statusCode());
    assertEquals("", response.body());
    assertSame(failure, log.records().get(0).getThrown());
  }

  @Test
  void fiveHundredCarriesNoChallenge() {
    manager.loseUsers();

    assertNull(alice("/secure").headers().firstValue("WWW-Authenticate").orElse(null));
  }
}
