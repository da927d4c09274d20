package io.statelessauth;

import static io.statelessauth.Responses.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Routes that accept several schemes (README, "Several credential kinds on one route"): Bearer
 * tokens in {@code Authorization} beside API keys in {@code X-API-Key}. Exactly one presented is
 * checked and loaded under the scheme as the route declares it, two at once are 400, none is 401
 * with one challenge per scheme in declared order (anonymous on an optional route), and every
 * refusal after the token was read challenges the scheme that was used.
 */
class SeveralSchemesTest {
  private static final String BEARER = "Bearer realm=\"api\"";
  private static final String API_KEY = "ApiKey realm=\"api\"";
  private static final String MISSING =
      "Request error: Missing credentials: Authorization header with the Bearer scheme or X-API-Key header";

  private final List<AuthFailure> reasons = new CopyOnWriteArrayList<>();
  private TestServer server;
  private TestManager manager;

  @BeforeEach
  void start() throws IOException {
    server = TestServer.start();
    manager = TestManager.builder()
        .config(StatelessAuthConfig.builder().credentialHeader("X-API-Key", "ApiKey").build())
        .listener(new AuthListener() {
          @Override
          public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
            reasons.add(error.reason());
          }
        })
        .build();
    manager.token("alice-key", TestToken.of("alice", "read"))
        .token("old-key", TestToken.expiredFor("alice"))
        .token("carol-key", TestToken.of("carol", "read"))
        .token("ada-key", TestToken.of("ada", "read"))
        .user(TestUser.inactive("carol"))
        .user(new TestUser("ada", true, Set.of("admin")));
    route("/two", manager.route().authType("Bearer", "ApiKey").build());
    route("/optional", manager.route().authType("Bearer", "ApiKey").optional().build());
    route("/write", manager.route().authType("Bearer", "ApiKey").scopes("write").build());
    route("/admin", manager.route().authType("Bearer", "ApiKey").roles("admin").build());
    route("/three", manager.route().authType("Bearer", "Token", "ApiKey").build());
    route("/key", manager.route().authType("ApiKey").build());
    route("/bearer", manager.route().build());
    server.context("/application", manager.handler(manager.route().authType("Bearer", "ApiKey").build(),
        (exchange, token, user) -> {
          throw new StatelessAuthError("Quota exceeded", 403, "Quota");
        }));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void route(String path, AuthRoute route) {
    server.context(path, manager.handler(route, (exchange, token, user) ->
        TestServer.respond(exchange, 200, user == null ? "hello anonymous" : "hello " + user.name())));
  }

  private RawHttp.Response get(String path, String... headerLines) throws IOException {
    return RawHttp.exchange(server.port(), RawHttp.get(path, headerLines));
  }

  private static List<String> challenges(RawHttp.Response response) {
    return response.headers().getOrDefault("www-authenticate", List.of());
  }

  private static String challenge(String bare, String errorCode, String description) {
    return bare + ", error=\"" + errorCode + "\", error_description=\"" + description + "\"";
  }

  /** Status, exactly these challenges in this order, and the default JSON body with {@code fullMsg}. */
  private static void assertRefused(RawHttp.Response response, int status, List<String> challenges, String fullMsg) {
    assertEquals(status, response.status(), response::body);
    assertEquals(challenges, challenges(response), "WWW-Authenticate");
    assertEquals(JSON, response.header("Content-Type"));
    assertEquals(fullMsg, Json.errorText(response.body()));
  }

  // Exactly one scheme presented

  @Test
  void aBearerTokenIsLoadedUnderBearer() throws IOException {
    assertEquals("hello alice", get("/two", "Authorization: Bearer alice-token").body());
    assertEquals(List.of("alice-token|access|Bearer"), manager.tokenLoads);
  }

  @Test
  void anApiKeyIsLoadedUnderApiKey() throws IOException {
    assertEquals("hello alice", get("/two", "X-API-Key: alice-key").body());
    assertEquals(List.of("alice-key|access|ApiKey"), manager.tokenLoads);
  }

  @Test
  void theSchemeIsLoadedAsTheRouteDeclaresItWhateverItsCaseInTheRequest() throws IOException {
    assertEquals(200, get("/three", "Authorization: tOKEN alice-token").status());
    assertEquals(200, get("/three", "Authorization: BEARER alice-token").status());
    assertEquals(List.of("alice-token|access|Token", "alice-token|access|Bearer"), manager.tokenLoads);
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-API-Key:alice-key", "X-API-Key:   alice-key", "X-API-Key: alice-key \t ",
      "x-api-key: alice-key"})
  void whiteSpaceAroundABoundHeaderIsIgnoredAndItsNameMatchedInAnyCase(String line) throws IOException {
    assertEquals("hello alice", get("/two", line).body());
    assertEquals(List.of("alice-key|access|ApiKey"), manager.tokenLoads);
  }

  @Test
  void aRouteOfOneBoundSchemeReadsItsHeaderOnly() throws IOException {
    assertEquals("hello alice", get("/key", "X-API-Key: alice-key").body());
    assertRefused(get("/key", "Authorization: Bearer alice-token"), 401, List.of(API_KEY),
        "Request error: Missing X-API-Key header");
    assertEquals("hello alice", get("/key", "X-API-Key: alice-key",
        "Authorization: Bearer a", "Authorization: Bearer b").body(), "a header the route does not read");
    assertEquals(List.of("alice-key|access|ApiKey", "alice-key|access|ApiKey"), manager.tokenLoads);
  }

  @Test
  void aBearerRouteIgnoresTheBoundHeaderEvenRepeated() throws IOException {
    assertEquals("hello alice", get("/bearer", "Authorization: Bearer alice-token",
        "X-API-Key: alice-key", "X-API-Key: bob-key").body());
  }

  // None presented

  @ParameterizedTest
  @ValueSource(strings = {"", "Authorization: Basic YWxpY2U6cGFzcw==", "Authorization:   ", "X-API-Key:  ",
      "Authorization: ApiKey alice-key", "Authorization: Bearer-ish alice-token", "X-Other: alice-key"})
  void noneOfTheSchemesPresentedGives401ChallengingEachInDeclaredOrder(String line) throws IOException {
    RawHttp.Response response = line.isEmpty() ? get("/two") : get("/two", line);

    assertRefused(response, 401, List.of(BEARER, API_KEY), MISSING);
    assertEquals(List.of(), manager.tokenLoads);
    assertEquals(List.of(AuthFailure.MISSING_CREDENTIALS), reasons);
  }

  @Test
  void bothHeadersWithoutTheirCredentialsGive401ChallengingEach() throws IOException {
    RawHttp.Response response = get("/two", "Authorization: Basic YWxpY2U6cGFzcw==", "X-API-Key:  ");

    assertRefused(response, 401, List.of(BEARER, API_KEY), MISSING);
    assertEquals(List.of(), manager.tokenLoads);
  }

  @Test
  void threeSchemesGiveThreeChallengesInDeclaredOrder() throws IOException {
    assertRefused(get("/three"), 401, List.of(BEARER, "Token realm=\"api\"", API_KEY),
        "Request error: Missing credentials: Authorization header with the Bearer scheme or Authorization header"
            + " with the Token scheme or X-API-Key header");
  }

  @Test
  void noneOfTheSchemesPresentedOnAnOptionalRouteIsAnonymous() throws IOException {
    assertEquals("hello anonymous", get("/optional").body());
    assertEquals("hello anonymous", get("/optional", "Authorization: Basic YWxpY2U6cGFzcw==").body());
    assertEquals("hello anonymous", get("/optional", "X-API-Key: \t").body());
    assertEquals(List.of(), manager.tokenLoads);
  }

  @Test
  void anOptionalRouteChecksWhatIsPresentedInFull() throws IOException {
    assertEquals("hello alice", get("/optional", "X-API-Key: alice-key").body());
    assertRefused(get("/optional", "X-API-Key: mallory-key"), 401,
        List.of(challenge(API_KEY, "invalid_token", "Invalid access token")), "Token error: Invalid access token");
  }

  // Two or more presented, repeated fields

  @ParameterizedTest
  @ValueSource(strings = {"/two", "/optional"})
  void twoSchemesAtOnceGive400InvalidRequestWithoutLoadingEither(String path) throws IOException {
    RawHttp.Response response = get(path, "Authorization: Bearer alice-token", "X-API-Key: alice-key");

    String description = "Credentials for more than one of Bearer, ApiKey";
    assertRefused(response, 400, List.of(challenge(BEARER, "invalid_request", description),
        challenge(API_KEY, "invalid_request", description)), "Request error: " + description);
    assertEquals(List.of(), manager.tokenLoads);
    assertEquals(List.of(AuthFailure.MULTIPLE_CREDENTIALS), reasons);
  }

  @Test
  void aRepeatedAuthorizationHeaderGives400ChallengingBearer() throws IOException {
    assertRefused(get("/two", "Authorization: Bearer alice-token", "Authorization: Bearer bob-token"), 400,
        List.of(challenge(BEARER, "invalid_request", "More than one Authorization header")),
        "Request error: More than one Authorization header");
    assertEquals(List.of(AuthFailure.MULTIPLE_CREDENTIALS), reasons);
  }

  @Test
  void aRepeatedBoundHeaderGives400ChallengingItsScheme() throws IOException {
    assertRefused(get("/optional", "X-API-Key: alice-key", "X-API-Key: alice-key"), 400,
        List.of(challenge(API_KEY, "invalid_request", "More than one X-API-Key header")),
        "Request error: More than one X-API-Key header");
    assertEquals(List.of(), manager.tokenLoads);
  }

  // The RFC 6750 cases for the bound scheme; each challenges ApiKey, with its error

  @ParameterizedTest
  @ValueSource(strings = {"alice key", "alice-key!", "=alice", "al\u00efce"})
  void aMalformedKeyGives400(String key) throws IOException {
    assertRefused(get("/two", "X-API-Key: " + key), 400,
        List.of(challenge(API_KEY, "invalid_request", "X-API-Key header must be '<token>'")),
        "Request error: X-API-Key header must be '<token>'");
    assertEquals(List.of(AuthFailure.MALFORMED_CREDENTIALS), reasons);
  }

  @Test
  void aMalformedBearerTokenOnATwoSchemeRouteChallengesBearer() throws IOException {
    assertRefused(get("/two", "Authorization: Bearer alice token"), 400,
        List.of(challenge(BEARER, "invalid_request", "Authorization header must be 'Bearer <token>'")),
        "Request error: Authorization header must be 'Bearer <token>'");
  }

  @Test
  void aKeyLongerThanTheMaximumGives400() throws IOException {
    String tooLong = "k".repeat(4097);

    assertRefused(get("/two", "X-API-Key: " + tooLong), 400,
        List.of(challenge(API_KEY, "invalid_request", "ApiKey token longer than 4096 characters")),
        "Request error: ApiKey token longer than 4096 characters");
    reasons.clear();
    assertEquals(401, get("/two", "X-API-Key: " + "k".repeat(4096)).status());
    assertEquals(List.of(AuthFailure.UNKNOWN_TOKEN), reasons, "a key of exactly the maximum is read, then unknown");
  }

  @Test
  void anUnknownKeyGives401InvalidToken() throws IOException {
    assertRefused(get("/two", "X-API-Key: mallory-key"), 401,
        List.of(challenge(API_KEY, "invalid_token", "Invalid access token")), "Token error: Invalid access token");
    assertEquals(List.of("mallory-key|access|ApiKey"), manager.tokenLoads);
  }

  @Test
  void anExpiredKeyGives401InvalidToken() throws IOException {
    assertRefused(get("/two", "X-API-Key: old-key"), 401,
        List.of(challenge(API_KEY, "invalid_token", "access token expired")), "Token error: access token expired");
    assertEquals(List.of(), manager.userLoads);
  }

  @Test
  void aKeyWithoutTheScopeGives403NamingIt() throws IOException {
    assertRefused(get("/write", "X-API-Key: alice-key"), 403,
        List.of(challenge(API_KEY, "insufficient_scope", "Insufficient scope") + ", scope=\"write\""),
        "Scope error: Insufficient scope");
  }

  @Test
  void aKeyOfAUserWithoutTheRoleGives403AndWithItPasses() throws IOException {
    assertRefused(get("/admin", "X-API-Key: alice-key"), 403,
        List.of(challenge(API_KEY, "insufficient_scope", "Insufficient role")), "Role error: Insufficient role");
    assertEquals("hello ada", get("/admin", "X-API-Key: ada-key").body());
  }

  @Test
  void aKeyOfAnInactiveUserGives401() throws IOException {
    assertRefused(get("/two", "X-API-Key: carol-key"), 401,
        List.of(challenge(API_KEY, "invalid_token", "Invalid User")), "Token error: Invalid User");
  }

  @Test
  void theBearerRefusalsOnATwoSchemeRouteChallengeBearer() throws IOException {
    assertRefused(get("/two", "Authorization: Bearer mallory-token"), 401,
        List.of(challenge(BEARER, "invalid_token", "Invalid access token")), "Token error: Invalid access token");
    assertRefused(get("/write", "Authorization: Bearer alice-token"), 403,
        List.of(challenge(BEARER, "insufficient_scope", "Insufficient scope") + ", scope=\"write\""),
        "Scope error: Insufficient scope");
  }

  @Test
  void anApplicationErrorAfterAKeyChallengesApiKey() throws IOException {
    assertRefused(get("/application", "X-API-Key: alice-key"), 403,
        List.of(challenge(API_KEY, "insufficient_scope", "Quota exceeded")), "Quota error: Quota exceeded");
    assertRefused(get("/application", "Authorization: Bearer alice-token"), 403,
        List.of(challenge(BEARER, "insufficient_scope", "Quota exceeded")), "Quota error: Quota exceeded");
  }

  @Test
  void theRuntimesChallengesReplaceAnyAListenerSetBefore() throws IOException {
    TestManager overriding = TestManager.builder()
        .config(StatelessAuthConfig.builder().credentialHeader("X-API-Key", "ApiKey").build())
        .listener(new AuthListener() {
          @Override
          public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Custom realm=\"x\"");
          }
        })
        .build();
    server.context("/overriding", overriding.handler(overriding.route().authType("Bearer", "ApiKey").build(),
        (exchange, token, user) -> {}));

    assertEquals(List.of(BEARER, API_KEY), challenges(get("/overriding")));
  }

  @Test
  void anErrorHandlerMayAddAChallengeAfterTheRuntimes() throws IOException {
    TestManager adding = TestManager.builder()
        .config(StatelessAuthConfig.builder().credentialHeader("X-API-Key", "ApiKey").build())
        .errorHandler((exchange, error) -> {
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"legacy\"");
          exchange.sendResponseHeaders(error.code(), -1);
        })
        .build();
    server.context("/adding", adding.handler(adding.route().authType("Bearer", "ApiKey").build(),
        (exchange, token, user) -> {}));

    assertEquals(List.of(BEARER, API_KEY, "Basic realm=\"legacy\""), challenges(get("/adding")));
  }

  // The cache

  @Test
  void theCacheKeysByTheSchemeUsed() throws IOException {
    AuthCache cache = AuthCache.builder().maximumSize(10).expireAfterWrite(Duration.ofMinutes(1)).build();
    TestManager cached = TestManager.builder()
        .config(StatelessAuthConfig.builder().credentialHeader("X-API-Key", "ApiKey").build())
        .cache(cache)
        .build()
        .token("shared", TestToken.of("alice", "read"));
    server.context("/cached", cached.handler(cached.route().authType("Bearer", "ApiKey").build(),
        (exchange, token, user) -> TestServer.respond(exchange, 200, "hello " + user.name())));

    for (int i = 0; i < 2; i++) {
      assertEquals(200, get("/cached", "Authorization: Bearer shared").status());
      assertEquals(200, get("/cached", "X-API-Key: shared").status());
    }

    assertEquals(List.of("shared|access|Bearer", "shared|access|ApiKey"), cached.tokenLoads);
    assertEquals(2, cache.stats().size());
    assertEquals(2, cache.stats().hits());
    cached.invalidate("shared");
    assertEquals(0, cache.stats().size(), "invalidating a token forgets it under every scheme");
  }
}
