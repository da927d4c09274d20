package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.statelessauth.AuthListener;
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
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 0.2 rows of README's request table through code the processor generated: optional routes,
 * roles, CORS preflights, and loaders that are interfaces given as lambdas.
 */
class OptionalRolesAndPreflightTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String ROLE_CHALLENGE =
      "Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"Insufficient role\"";

  private final Queue<String> events = new ConcurrentLinkedQueue<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

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
    server.createContext("/greet", api.greet());
    server.createContext("/staff", api.staff());
    server.createContext("/secret", api.secret());
  }

  private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    return send("GET", path, headers);
  }

  // Optional routes

  @Test
  void optionalRouteWithoutCredentialsRunsAnonymously() throws Exception {
    serve(StatelessAuthConfig.defaults());

    HttpResponse<String> response = get("/greet");

    assertEquals(200, response.statusCode());
    assertEquals("hello stranger|null", response.body());
    assertEquals(List.of("anonymous"), List.copyOf(events));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic YWxpY2U6c2VjcmV0", "Token alice-access", "  "})
  void optionalRouteWithAForeignSchemeOrABlankHeaderRunsAnonymously(String authorization) throws Exception {
    serve(StatelessAuthConfig.defaults());

    assertEquals("hello stranger|null", get("/greet", "Authorization", authorization).body());
  }

  @Test
  void optionalRouteWithAValidTokenGreetsTheCallerByName() throws Exception {
    serve(StatelessAuthConfig.defaults());

    HttpResponse<String> response = get("/greet", "Authorization", "Bearer alice-access");

    assertEquals(200, response.statusCode());
    assertEquals("hello alice|" + Store.ALICE, response.body());
    assertEquals(List.of("authorized alice"), List.copyOf(events));
  }

  @Test
  void optionalRouteRefusesABadTokenInsteadOfRunningAnonymously() throws Exception {
    serve(StatelessAuthConfig.defaults());

    HttpResponse<String> unknown = get("/greet", "Authorization", "Bearer stolen");
    HttpResponse<String> expired = get("/greet", "Authorization", "Bearer alice-expired");
    HttpResponse<String> inactive = get("/greet", "Authorization", "Bearer gone-access");
    HttpResponse<String> malformed = get("/greet", "Authorization", "Bearer not a token");

    assertEquals(401, unknown.statusCode());
    assertEquals("{\"error\": \"Token error: Invalid access token\"}", unknown.body());
    assertEquals(List.of("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"Invalid access token\""),
        unknown.headers().allValues("WWW-Authenticate"));
    assertEquals(401, expired.statusCode());
    assertEquals(401, inactive.statusCode());
    assertEquals(400, malformed.statusCode());
    assertEquals(List.of("refused 401", "refused 401", "refused 401", "refused 400"), List.copyOf(events));
  }

  // Roles

  @Test
  void userWithOneOfTheRolesIsLetIn() throws Exception {
    serve(StatelessAuthConfig.defaults());

    assertEquals("staff alice", get("/staff", "Authorization", "Bearer alice-access").body());
  }

  @Test
  void userWithoutTheRolesIsRefusedWith403RoleAndAChallengeWithoutScope() throws Exception {
    serve(StatelessAuthConfig.defaults());

    HttpResponse<String> response = get("/staff", "Authorization", "Bearer bob-access");

    assertEquals(403, response.statusCode());
    assertEquals(List.of(ROLE_CHALLENGE), response.headers().allValues("WWW-Authenticate"));
    assertEquals("{\"error\": \"Role error: Insufficient role\"}", response.body());
    assertEquals(List.of("application/json; charset=utf-8"), response.headers().allValues("Content-Type"));
  }

  @Test
  void inactiveUserWithTheRoleIsRefusedAsInactive() throws Exception {
    serve(StatelessAuthConfig.defaults());

    HttpResponse<String> response = get("/staff", "Authorization", "Bearer gone-access");

    assertEquals(401, response.statusCode());
    assertEquals("{\"error\": \"Token error: Invalid User\"}", response.body());
  }

  // CORS preflights

  @Test
  void preflightGoesToThePreflightHandlerWithoutCredentials() throws Exception {
    serve(StatelessAuthConfig.builder().preflightHandler(exchange -> {
      exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "https://app.example");
      exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Authorization");
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    }).build());

    HttpResponse<String> response = send("OPTIONS", "/secret",
        "Origin", "https://app.example", "Access-Control-Request-Method", "GET");

    assertEquals(204, response.statusCode());
    assertEquals(List.of("https://app.example"), response.headers().allValues("Access-Control-Allow-Origin"));
    assertEquals(List.of(), List.copyOf(events));
  }

  @Test
  void withoutAPreflightHandlerAPreflightIsRefusedLikeAnyRequestWithoutCredentials() throws Exception {
    serve(StatelessAuthConfig.defaults());

    HttpResponse<String> response = send("OPTIONS", "/secret",
        "Origin", "https://app.example", "Access-Control-Request-Method", "GET");

    assertEquals(401, response.statusCode());
    assertEquals(List.of("Bearer realm=\"api\""), response.headers().allValues("WWW-Authenticate"));
  }

  // Loaders behind interfaces

  @Test
  void interfaceLoadersCanBeGivenAsLambdas() throws Exception {
    User carol = new User(7, "carol", true, Set.of("admin"));
    Token carolsToken = new Token("carol-token", "access", 7, Set.of(), false);
    serve(StatelessAuthManager.builder()
        .tokenLoader((token, tokenType, authType) -> token.equals("carol-token") ? carolsToken : null)
        .userLoader(token -> token.userId() == 7 ? carol : null));

    assertEquals("hello carol|" + carol, get("/greet", "Authorization", "Bearer carol-token").body());
    assertEquals("staff carol", get("/staff", "Authorization", "Bearer carol-token").body());
    assertEquals(401, get("/staff", "Authorization", "Bearer alice-access").statusCode());
  }
}
