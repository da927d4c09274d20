package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.AuthListener;
import io.statelessauth.CurrentStatelessUser;
import io.statelessauth.StatelessAuthConfig;
import io.statelessauth.StatelessAuthError;
import io.statelessauth.testing.TestRequest;
import io.statelessauth.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The classes the real processor generated from this package, during this module's compilation
 * as a user's build runs it, answering requests sent with the test kit: the protected routes, the
 * injected and current user, and the README's request table.
 */
class EndToEndTest {
  private final List<String> events = new ArrayList<>();
  private Map<String, HttpHandler> routes;

  @BeforeEach
  void wire() {
    StatelessAuthManager manager =
        StatelessAuthManager.builder()
            .tokenLoader(new StoreTokens())
            .userLoader(new StoreUsers())
            .config(StatelessAuthConfig.builder().realm("e2e").build())
            .listener(
                new AuthListener() {
                  @Override
                  public void onAuthorized(HttpExchange exchange, Object user) {
                    events.add("authorized " + ((User) user).name());
                  }

                  @Override
                  public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
                    events.add("unauthorized " + error.code());
                  }
                })
            .build();
    AuthenticatedSecretApi api = new AuthenticatedSecretApi(new SecretApi(), manager);
    routes = Map.of(
        "/secret", api.secret(),
        "/whoami", api.whoami(),
        "/refresh", api.refresh(),
        "/admin", api.admin(),
        "/forbidden", api.forbidden(),
        "/ping", new AuthenticatedPing(new Ping(), manager));
  }

  private TestResponse get(String path, String... authorization) {
    TestRequest request = TestRequest.get(path);
    for (String value : authorization) {
      request.header("Authorization", value);
    }
    return request.send(routes.get(path));
  }

  private static String challenge(TestResponse response) {
    return response.header("WWW-Authenticate");
  }

  @Test
  void validTokenReachesTheProtectedRoute() {
    TestResponse response = get("/secret", "Bearer alice-access");
    assertEquals(200, response.status());
    assertEquals("{\"secret\": \"Stateless auth is awesome :O\"}", response.bodyText());
  }

  @Test
  void handlerGetsTheInjectedUserTheTypedCurrentUserAndTheExchangeAttribute() {
    TestResponse response = get("/whoami", "bearer   alice-access");
    assertEquals("alice|alice|true|true", response.bodyText());
  }

  @Test
  void currentUserIsClearedOnceTheHandlerReturns() {
    assertEquals(200, get("/whoami", "Bearer alice-access").status());
    assertEquals(null, CurrentStatelessUser.get());
  }

  @Test
  void httpHandlerClassIsServedThroughItsGeneratedHttpHandler() {
    assertEquals("pong", get("/ping", "Bearer alice-access").bodyText());
    assertEquals(401, get("/ping").status());
  }

  @Test
  void missingHeaderGives401WithBareChallenge() {
    TestResponse response = get("/secret");
    assertEquals(401, response.status());
    assertEquals("Bearer realm=\"e2e\"", challenge(response));
    assertEquals("{\"error\": \"Request error: Missing Authorization header\"}", response.bodyText());
  }

  @Test
  void foreignSchemeGives401WithBareChallenge() {
    TestResponse response = get("/secret", "Basic YWxpY2U6c2VjcmV0");
    assertEquals(401, response.status());
    assertEquals("Bearer realm=\"e2e\"", challenge(response));
  }

  @Test
  void malformedCredentialsGive400InvalidRequest() {
    TestResponse response = get("/secret", "Bearer alice access");
    assertEquals(400, response.status());
    assertTrue(challenge(response).contains("error=\"invalid_request\""), challenge(response));
  }

  @Test
  void twoAuthorizationHeadersGive400InvalidRequest() {
    TestResponse response = get("/secret", "Bearer alice-access", "Bearer alice-admin");
    assertEquals(400, response.status());
    assertTrue(challenge(response).contains("error=\"invalid_request\""), challenge(response));
  }

  @Test
  void unknownTokenGives401InvalidToken() {
    TestResponse response = get("/secret", "Bearer nobody-knows-me");
    assertEquals(401, response.status());
    assertEquals(
        "Bearer realm=\"e2e\", error=\"invalid_token\", error_description=\"Invalid access token\"",
        challenge(response));
  }

  @Test
  void expiredTokenGives401InvalidToken() {
    TestResponse response = get("/secret", "Bearer alice-expired");
    assertEquals(401, response.status());
    assertEquals("{\"error\": \"Token error: access token expired\"}", response.bodyText());
  }

  @Test
  void tokenWithoutTheRequiredScopeGives403InsufficientScope() {
    TestResponse response = get("/admin", "Bearer alice-access");
    assertEquals(403, response.status());
    assertTrue(challenge(response).endsWith("scope=\"admin\""), challenge(response));
  }

  @Test
  void tokenWithTheRequiredScopeIsLetThrough() {
    assertEquals("admin", get("/admin", "Bearer alice-admin").bodyText());
  }

  @Test
  void refreshRouteAsksTheLoaderForRefreshTokensAndInjectsBothModels() {
    assertEquals("refresh token of alice", get("/refresh", "Bearer alice-refresh").bodyText());
    assertEquals(401, get("/refresh", "Bearer alice-access").status());
    assertEquals(401, get("/secret", "Bearer alice-refresh").status());
  }

  @Test
  void tokenWhoseUserIsMissingGives500() {
    TestResponse response = get("/secret", "Bearer orphan-access");
    assertEquals(500, response.status());
    assertEquals(null, challenge(response));
  }

  @Test
  void inactiveUserGives401InvalidUser() {
    TestResponse response = get("/secret", "Bearer gone-access");
    assertEquals(401, response.status());
    assertEquals("{\"error\": \"Token error: Invalid User\"}", response.bodyText());
  }

  @Test
  void loadersOwnErrorIsAnsweredAsItIs() {
    TestResponse response = get("/secret", "Bearer " + StoreTokens.REVOKED);
    assertEquals(401, response.status());
    assertEquals("{\"error\": \"Token error: Token revoked\"}", response.bodyText());
  }

  @Test
  void loaderFailureGives500AndNeverEchoesTheToken() {
    TestResponse response = get("/secret", "Bearer " + StoreTokens.EXPLODING);
    assertEquals(500, response.status());
    assertFalse(response.bodyText().contains(StoreTokens.EXPLODING), response.bodyText());
    assertFalse(response.toString().contains(StoreTokens.EXPLODING), response.toString());
  }

  @Test
  void errorThrownByTheHandlerBeforeItRespondsGoesToTheErrorHandler() {
    TestResponse response = get("/forbidden", "Bearer alice-access");
    assertEquals(403, response.status());
    assertEquals("{\"error\": \"Scope error: Not yours\"}", response.bodyText());
  }

  @Test
  void listenerHearsAuthorizedAndRefusedRequests() {
    get("/secret", "Bearer alice-access");
    get("/secret");
    assertEquals(List.of("authorized alice", "unauthorized 401"), events);
  }

  @Test
  void builderWithoutATokenLoaderFailsNamingIt() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> StatelessAuthManager.builder().userLoader(new StoreUsers()).build());
    assertEquals(
        "tokenLoader(Tokens) was not called: StatelessAuthManager needs the @TokenLoader",
        failure.getMessage());
  }
}
