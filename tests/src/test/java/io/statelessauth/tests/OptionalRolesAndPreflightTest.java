package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.AuthListener;
import io.statelessauth.StatelessAuthConfig;
import io.statelessauth.StatelessAuthError;
import io.statelessauth.testing.TestRequest;
import io.statelessauth.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 0.2 rows of README's request table through code the processor generated, sent with the test
 * kit: optional routes, roles, CORS preflights, and loaders that are interfaces given as lambdas.
 */
class OptionalRolesAndPreflightTest {
  private static final String ROLE_CHALLENGE =
      "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"Insufficient role\"";

  private final List<String> events = new ArrayList<>();
  private Map<String, HttpHandler> routes;

  /** Serves the generated handlers of {@link SecretApi} with the store's loaders and {@code config}. */
  private void serve(StatelessAuthConfig config) {
    serve(StatelessAuthManager.builder().tokenLoader(new StoreTokens()).userLoader(new StoreUsers()).config(config));
  }

  private void serve(StatelessAuthManager.Builder builder) {
    StatelessAuthManager manager = builder.listener(new AuthListener() {
      @Override
      public void onAuthorized(HttpExchange exchange, Object user) {
        events.add("authorized " + ((User) user).name());
      }

      @Override
      public void onAnonymous(HttpExchange exchange) {
        events.add("anonymous");
      }

      @Override
      public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
        events.add("refused " + error.code());
      }
    }).build();
    AuthenticatedSecretApi api = new AuthenticatedSecretApi(new SecretApi(), manager);
    routes = Map.of("/greet", api.greet(), "/staff", api.staff(), "/secret", api.secret());
  }

  private TestResponse send(String method, String path, String... headers) {
    TestRequest request = TestRequest.method(method, path);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request.send(routes.get(path));
  }

  private TestResponse get(String path, String... headers) {
    return send("GET", path, headers);
  }

  // Optional routes

  @Test
  void optionalRouteWithoutCredentialsRunsAnonymously() {
    serve(StatelessAuthConfig.defaults());

    TestResponse response = get("/greet");

    assertEquals(200, response.status());
    assertEquals("hello stranger|null", response.bodyText());
    assertEquals(List.of("anonymous"), events);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic YWxpY2U6c2VjcmV0", "Token alice-access", "  "})
  void optionalRouteWithAForeignSchemeOrABlankHeaderRunsAnonymously(String authorization) {
    serve(StatelessAuthConfig.defaults());

    assertEquals("hello stranger|null", get("/greet", "Authorization", authorization).bodyText());
  }

  @Test
  void optionalRouteWithAValidTokenGreetsTheCallerByName() {
    serve(StatelessAuthConfig.defaults());

    TestResponse response = get("/greet", "Authorization", "Bearer alice-access");

    assertEquals(200, response.status());
    assertEquals("hello alice|" + Store.ALICE, response.bodyText());
    assertEquals(List.of("authorized alice"), events);
  }

  @Test
  void optionalRouteRefusesABadTokenInsteadOfRunningAnonymously() {
    serve(StatelessAuthConfig.defaults());

    TestResponse unknown = get("/greet", "Authorization", "Bearer stolen");
    TestResponse expired = get("/greet", "Authorization", "Bearer alice-expired");
    TestResponse inactive = get("/greet", "Authorization", "Bearer gone-access");
    TestResponse malformed = get("/greet", "Authorization", "Bearer not a token");

    assertEquals(401, unknown.status());
    assertEquals("{\"error\": \"Token error: Invalid access token\"}", unknown.bodyText());
    assertEquals(List.of("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"Invalid access token\""),
        unknown.headers("WWW-Authenticate"));
    assertEquals(401, expired.status());
    assertEquals(401, inactive.status());
    assertEquals(400, malformed.status());
    assertEquals(List.of("refused 401", "refused 401", "refused 401", "refused 400"), events);
  }

  // Roles

  @Test
  void userWithOneOfTheRolesIsLetIn() {
    serve(StatelessAuthConfig.defaults());

    assertEquals("staff alice", get("/staff", "Authorization", "Bearer alice-access").bodyText());
  }

  @Test
  void userWithoutTheRolesIsRefusedWith403RoleAndAChallengeWithoutScope() {
    serve(StatelessAuthConfig.defaults());

    TestResponse response = get("/staff", "Authorization", "Bearer bob-access");

    assertEquals(403, response.status());
    assertEquals(List.of(ROLE_CHALLENGE), response.headers("WWW-Authenticate"));
    assertEquals("{\"error\": \"Role error: Insufficient role\"}", response.bodyText());
    assertEquals(List.of("application/json; charset=utf-8"), response.headers("Content-Type"));
  }

  @Test
  void inactiveUserWithTheRoleIsRefusedAsInactive() {
    serve(StatelessAuthConfig.defaults());

    TestResponse response = get("/staff", "Authorization", "Bearer gone-access");

    assertEquals(401, response.status());
    assertEquals("{\"error\": \"Token error: Invalid User\"}", response.bodyText());
  }

  // CORS preflights

  @Test
  void preflightGoesToThePreflightHandlerWithoutCredentials() {
    serve(StatelessAuthConfig.builder().preflightHandler(exchange -> {
      exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "https://app.example");
      exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Authorization");
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    }).build());

    TestResponse response = send("OPTIONS", "/secret",
        "Origin", "https://app.example", "Access-Control-Request-Method", "GET");

    assertEquals(204, response.status());
    assertEquals(List.of("https://app.example"), response.headers("Access-Control-Allow-Origin"));
    assertEquals(List.of(), events);
  }

  @Test
  void withoutAPreflightHandlerAPreflightIsRefusedLikeAnyRequestWithoutCredentials() {
    serve(StatelessAuthConfig.defaults());

    TestResponse response = send("OPTIONS", "/secret",
        "Origin", "https://app.example", "Access-Control-Request-Method", "GET");

    assertEquals(401, response.status());
    assertEquals(List.of("Bearer realm=\"api\""), response.headers("WWW-Authenticate"));
  }

  // Loaders behind interfaces

  @Test
  void interfaceLoadersCanBeGivenAsLambdas() {
    User carol = new User(7, "carol", true, Set.of("admin"));
    Token carolsToken = new Token("carol-token", "access", 7, Set.of(), false);
    serve(StatelessAuthManager.builder()
        .tokenLoader((token, tokenType, authType) -> token.equals("carol-token") ? carolsToken : null)
        .userLoader(token -> token.userId() == 7 ? carol : null));

    assertEquals("hello carol|" + carol, get("/greet", "Authorization", "Bearer carol-token").bodyText());
    assertEquals("staff carol", get("/staff", "Authorization", "Bearer carol-token").bodyText());
    assertEquals(401, get("/staff", "Authorization", "Bearer alice-access").status());
  }
}
