package io.statelessauth;

import static io.statelessauth.Responses.BARE_CHALLENGE;
import static io.statelessauth.Responses.assertOk;
import static io.statelessauth.Responses.assertRefused;
import static io.statelessauth.Responses.challenge;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Optional routes: anonymous without credentials for the route's scheme, checked in full with them
 * (README, "One request, step by step"). The handler reports what it was given, so that every
 * assertion is made on the client side.
 */
class OptionalRouteTest {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private TestServer server;
  private TestManager manager;

  @BeforeEach
  void start() throws IOException {
    server = TestServer.start();
    manager = TestManager.builder().listener(new AuthListener() {
      @Override
      public void onAuthorized(HttpExchange exchange, Object user) {
        events.add("authorized " + user);
      }

      @Override
      public void onAnonymous(HttpExchange exchange) {
        events.add("anonymous " + exchange.getRequestURI().getPath());
      }

      @Override
      public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
        events.add("refused " + error.code());
      }
    }).build();
    server.context("/hello", manager.handler(manager.route().optional().build(), OptionalRouteTest::describe));
    server.context("/hello-admin", manager.handler(manager.route().scopes("write").optional().build(),
        OptionalRouteTest::describe));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Answers with what the handler saw: token, user, bound user, exchange attribute. */
  private static void describe(HttpExchange exchange, TestToken token, TestUser user) throws IOException {
    TestServer.respond(exchange, 200, token + " | " + user + " | " + CurrentStatelessUser.get() + " | "
        + exchange.getAttribute("current_stateless_user"));
  }

  @Test
  void noHeaderRunsTheHandlerAnonymouslyWithNothingBound() {
    assertOk(server.get("/hello"), "null | null | null | null");
    assertEquals(List.of("anonymous /hello"), events);
    assertEquals(List.of(), manager.tokenLoads);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "Basic dXNlcjpwYXNz", "Token alice-token", "Bearer2 abc"})
  void blankHeaderOrAnotherSchemeIsAnonymousToo(String value) {
    assertOk(server.getWith("/hello", value), "null | null | null | null");
    assertEquals(List.of("anonymous /hello"), events);
  }

  @Test
  void validTokenIsAuthenticatedAsOnARequiredRoute() {
    String alice = TestUser.active("alice").toString();

    assertOk(server.getWith("/hello", "Bearer alice-token"),
        TestToken.of("alice", "read") + " | " + alice + " | " + alice + " | " + alice);
    assertEquals(List.of("authorized " + alice), events);
  }

  @Test
  void unknownTokenIsRefusedNeverAnonymous() {
    assertRefused(server.getWith("/hello", "Bearer stolen-or-typo"), 401,
        challenge("invalid_token", "Invalid access token"), "Token error: Invalid access token");
    assertEquals(List.of("refused 401"), events);
  }

  @Test
  void malformedCredentialsForTheRoutesSchemeAreRefused() {
    assertRefused(server.getWith("/hello", "Bearer a b"), 400,
        challenge("invalid_request", "Authorization header must be 'Bearer <token>'"),
        "Request error: Authorization header must be 'Bearer <token>'");
    assertRefused(server.getWith("/hello", "Bearer"), 400,
        challenge("invalid_request", "Authorization header must be 'Bearer <token>'"),
        "Request error: Authorization header must be 'Bearer <token>'");
  }

  @Test
  void expiredTokenAndInactiveUserAreRefused() {
    manager.token("old", TestToken.expiredFor("alice")).token("carol-token", TestToken.of("carol"))
        .user(TestUser.inactive("carol"));

    assertRefused(server.getWith("/hello", "Bearer old"), 401,
        challenge("invalid_token", "access token expired"), "Token error: access token expired");
    assertRefused(server.getWith("/hello", "Bearer carol-token"), 401,
        challenge("invalid_token", "Invalid User"), "Token error: Invalid User");
  }

  @Test
  void missingScopeIsRefusedWithItsChallenge() {
    assertRefused(server.getWith("/hello-admin", "Bearer alice-token"), 403,
        challenge("insufficient_scope", "Insufficient scope") + ", scope=\"write\"", "Scope error: Insufficient scope");
    assertOk(server.get("/hello-admin"), "null | null | null | null");
  }

  @Test
  void duplicateHeaderFieldsAreRefusedEvenWhenOneIsEmpty() throws IOException {
    RawHttp.Response response = RawHttp.exchange(server.port(),
        RawHttp.get("/hello", "Authorization: ", "Authorization: Bearer alice-token"));

    assertRefused(response, 400, challenge("invalid_request", "More than one Authorization header"),
        "Request error: More than one Authorization header");
  }

  @Test
  void requiredRouteStillRefusesAMissingHeaderWithABareChallenge() {
    server.context("/required", manager.handler(manager.route().build(), OptionalRouteTest::describe));

    assertRefused(server.get("/required"), 401, BARE_CHALLENGE, "Request error: Missing Authorization header");
  }

  @Test
  void anAnonymousCallInsideAnAuthenticatedOneSeesNoUserAndTheOuterUserComesBack() {
    // The inner route wants the Token scheme, so the request's Bearer credentials make it anonymous.
    server.context("/nested", manager.handler(manager.route().build(), (exchange, token, user) -> {
      StringBuilder seen = new StringBuilder();
      manager.handler(manager.route().authType("Token").optional().build(),
          (inner, innerToken, innerUser) -> seen.append("inner ").append(CurrentStatelessUser.get()))
          .handle(exchange);
      seen.append(", outer ").append(CurrentStatelessUser.get());
      TestServer.respond(exchange, 200, seen.toString());
    }));

    assertOk(server.getWith("/nested", "Bearer alice-token"), "inner null, outer " + TestUser.active("alice"));
  }
}
