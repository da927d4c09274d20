package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.statelessauth.AuthListener;
import io.statelessauth.CurrentStatelessUser;
import io.statelessauth.StatelessAuthConfig;
import io.statelessauth.StatelessAuthError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classes the real processor generated from this package, during this module's compilation
 * as a user's build runs it, serving a real HttpServer: the protected routes, the injected and
 * current user, and the README's request table.
 */
class EndToEndTest {
  private static final Queue<String> EVENTS = new ConcurrentLinkedQueue<>();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static HttpServer server;
  private static URI base;

  @BeforeAll
  static void start() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    StatelessAuthManager manager =
        StatelessAuthManager.builder()
            .tokenLoader(new StoreTokens())
            .userLoader(new StoreUsers())
            .config(StatelessAuthConfig.builder().realm("e2e").build())
            .listener(
                new AuthListener() {
                  @Override
                  public void onAuthorized(HttpExchange exchange, Object user) {
                    EVENTS.add("authorized " + ((User) user).name());
                  }

                  @Override
                  public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
                    EVENTS.add("unauthorized " + error.code());
                  }
                })
            .build();
    AuthenticatedSecretApi api = new AuthenticatedSecretApi(new SecretApi(), manager);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/secret", api.secret());
    server.createContext("/whoami", api.whoami());
    server.createContext("/refresh", api.refresh());
    server.createContext("/admin", api.admin());
    server.createContext("/forbidden", api.forbidden());
    server.createContext("/ping", new AuthenticatedPing(new Ping(), manager));
    server.createContext(
        "/after", exchange -> SecretApi.send(exchange, 200, String.valueOf(CurrentStatelessUser.get())));
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static HttpResponse<String> get(String path, String... authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    for (String value : authorization) {
      request.header("Authorization", value);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String challenge(HttpResponse<?> response) {
    return response.headers().firstValue("WWW-Authenticate").orElse(null);
  }

  @Test
  void validTokenReachesTheProtectedRoute() throws Exception {
    HttpResponse<String> response = get("/secret", "Bearer alice-access");
    assertEquals(200, response.statusCode());
    assertEquals("{\"secret\": \"Stateless auth is awesome :O\"}", response.body());
  }

  @Test
  void handlerGetsTheInjectedUserTheTypedCurrentUserAndTheExchangeAttribute() throws Exception {
    HttpResponse<String> response = get("/whoami", "bearer   alice-access");
    assertEquals("alice|alice|true|true", response.body());
  }

  @Test
  void currentUserIsClearedOnceTheHandlerReturns() throws Exception {
    assertEquals(200, get("/whoami", "Bearer alice-access").statusCode());
    assertEquals("null", get("/after").body());
  }

  @Test
  void httpHandlerClassIsServedThroughItsGeneratedHttpHandler() throws Exception {
    assertEquals("pong", get("/ping", "Bearer alice-access").body());
    assertEquals(401, get("/ping").statusCode());
  }

  @Test
  void missingHeaderGives401WithBareChallenge() throws Exception {
    HttpResponse<String> response = get("/secret");
    assertEquals(401, response.statusCode());
    assertEquals("Bearer realm=\"e2e\"", challenge(response));
    assertEquals("{\"error\": \"Request error: Missing Authorization header\"}", response.body());
  }

  @Test
  void foreignSchemeGives401WithBareChallenge() throws Exception {
    HttpResponse<String> response = get("/secret", "Basic YWxpY2U6c2VjcmV0");
    assertEquals(401, response.statusCode());
    assertEquals("Bearer realm=\"e2e\"", challenge(response));
  }

  @Test
  void malformedCredentialsGive400InvalidRequest() throws Exception {
    HttpResponse<String> response = get("/secret", "Bearer alice access");
    assertEquals(400, response.statusCode());
    assertTrue(challenge(response).contains("error=\"invalid_request\""), challenge(response));
  }

  @Test
  void twoAuthorizationHeadersGive400InvalidRequest() throws Exception {
    HttpResponse<String> response = get("/secret", "Bearer alice-access", "Bearer alice-admin");
    assertEquals(400, response.statusCode());
    assertTrue(challenge(response).contains("error=\"invalid_request\""), challenge(response));
  }

  @Test
  void unknownTokenGives401InvalidToken() throws Exception {
    HttpResponse<String> response = get("/secret", "Bearer nobody-knows-me");
    assertEquals(401, response.statusCode());
    assertEquals(
        "Bearer realm=\"e2e\", error=\"invalid_token\", error_description=\"Invalid access token\"",
        challenge(response));
  }

  @Test
  void expiredTokenGives401InvalidToken() throws Exception {
    HttpResponse<String> response = get("/secret", "Bearer alice-expired");
    assertEquals(401, response.statusCode());
    assertEquals("{\"error\": \"Token error: access token expired\"}", response.body());
  }

  @Test
  void tokenWithoutTheRequiredScopeGives403InsufficientScope() throws Exception {
    HttpResponse<String> response = get("/admin", "Bearer alice-access");
    assertEquals(403, response.statusCode());
    assertTrue(challenge(response).endsWith("scope=\"admin\""), challenge(response));
  }

  @Test
  void tokenWithTheRequiredScopeIsLetThrough() throws Exception {
    assertEquals("admin", get("/admin", "Bearer alice-admin").body());
  }

  @Test
  void refreshRouteAsksTheLoaderForRefreshTokensAndInjectsBothModels() throws Exception {
    assertEquals("refresh token of alice", get("/refresh", "Bearer alice-refresh").body());
    assertEquals(401, get("/refresh", "Bearer alice-access").statusCode());
    assertEquals(401, get("/secret", "Bearer alice-refresh").statusCode());
  }

  @Test
  void tokenWhoseUserIsMissingGives500() throws Exception {
    HttpResponse<String> response = get("/secret", "Bearer orphan-access");
    assertEquals(500, response.statusCode());
    assertEquals(null, challenge(response));
  }

  @Test
  void inactiveUserGives401InvalidUser() throws Exception {
    HttpResponse<String> response = get("/secret", "Bearer gone-access");
    assertEquals(401, response.statusCode());
    assertEquals("{\"error\": \"Token error: Invalid User\"}", response.body());
  }

  @Test
  void loadersOwnErrorIsAnsweredAsItIs() throws Exception {
    HttpResponse<String> response = get("/secret", "Bearer " + StoreTokens.REVOKED);
    assertEquals(401, response.statusCode());
    assertEquals("{\"error\": \"Token error: Token revoked\"}", response.body());
  }

  @Test
  void loaderFailureGives500AndNeverEchoesTheToken() throws Exception {
    HttpResponse<String> response = get("/secret", "Bearer " + StoreTokens.EXPLODING);
    assertEquals(500, response.statusCode());
    assertFalse(response.body().contains(StoreTokens.EXPLODING), response.body());
    assertFalse(response.headers().map().toString().contains(StoreTokens.EXPLODING));
  }

  @Test
  void errorThrownByTheHandlerBeforeItRespondsGoesToTheErrorHandler() throws Exception {
    HttpResponse<String> response = get("/forbidden", "Bearer alice-access");
    assertEquals(403, response.statusCode());
    assertEquals("{\"error\": \"Scope error: Not yours\"}", response.body());
  }

  @Test
  void listenerHearsAuthorizedAndRefusedRequests() throws Exception {
    EVENTS.clear();
    get("/secret", "Bearer alice-access");
    get("/secret");
    assertEquals(List.of("authorized alice", "unauthorized 401"), List.copyOf(EVENTS));
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
