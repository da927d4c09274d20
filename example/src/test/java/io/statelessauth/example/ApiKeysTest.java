package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statelessauth.SecretTokens;
import io.statelessauth.StatelessAuthConfig;
import io.statelessauth.example.accounts.Names;
import io.statelessauth.example.auth.ApiKeyScheme;
import io.statelessauth.example.cli.Cli;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.storage.ApiKeyStore;
import io.statelessauth.example.testsupport.MutableClock;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.TestSettings;
import io.statelessauth.testsupport.LogCapture;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API-key routes over HTTP on one instance and a SQLite file: a key made with an access token,
 * shown once and stored as its hash, used in {@code X-API-Key} where the routes accept it and
 * refused everywhere else, listed without the key, its last use written once a minute at most,
 * revoked by its owner only, deleted with its user; last, that no key reached the logs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiKeysTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final AtomicInteger USERS = new AtomicInteger();

  @TempDir static Path folder;

  private static final MutableClock CLOCK = new MutableClock();
  private static LogCapture logs;
  private static ExampleServer server;
  private static ServiceClient client;

  @BeforeAll
  static void start() throws Exception {
    logs = LogCapture.everything(Level.ALL);
    server = ExampleServer.start(TestSettings.sqlite(folder.resolve("keys.db")), CLOCK);
    client = new ServiceClient(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    logs.close();
  }

  private static Pair newUser() {
    String username = "user" + USERS.incrementAndGet();
    assertEquals(201, client.register(username, PASSWORD).status());
    return client.login(username, PASSWORD);
  }

  private static JsonNode createKey(String access, String name) {
    Response response = client.createKey(access, name);
    assertEquals(201, response.status(), response.body());
    return response.json();
  }

  @Test
  void aKeyIsShownOnceNeverCachedAndStoredAsItsHashOnly() throws Exception {
    Pair pair = newUser();

    Response response = client.createKey(pair.access(), "ci");

    assertEquals(201, response.status(), response.body());
    assertEquals("no-store", response.header("Cache-Control"));
    JsonNode key = response.json();
    assertEquals(List.of("id", "name", "api_key", "created"), fieldNames(key));
    assertEquals("ci", key.get("name").textValue());
    assertTrue(key.get("api_key").textValue().matches("[A-Za-z0-9_-]{43}"), key.toString());
    assertEquals(CLOCK.instant().getEpochSecond(),
        Instant.parse(key.get("created").textValue()).getEpochSecond());
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("keys.db"));
        PreparedStatement select = connection.prepareStatement(
            "SELECT key_hash FROM api_keys WHERE id = ?")) {
      select.setString(1, key.get("id").textValue());
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        assertEquals(SecretTokens.hash(key.get("api_key").textValue()), row.getString(1));
      }
    }
  }

  @Test
  void aKeyIsAcceptedInItsHeaderWhereTheRoutesTakeOne() {
    Pair pair = newUser();
    String key = createKey(pair.access(), "ci").get("api_key").textValue();

    Response whoami = client.apiKey("GET", "/whoami", key);
    assertEquals(200, whoami.status(), whoami.body());
    assertEquals("user" + USERS.get(), whoami.json().get("my_username").textValue());
    assertEquals(200, client.apiKey("GET", "/secret", key).status());
    assertEquals(200, client.bearer("GET", "/secret", pair.access()).status());
  }

  @Test
  void theSchemesAreToldApartAndBothAtOnceIsABadRequest() throws Exception {
    Pair pair = newUser();
    String key = createKey(pair.access(), "ci").get("api_key").textValue();

    Response keyAsBearer = client.bearer("GET", "/whoami", key);
    assertEquals(401, keyAsBearer.status());
    assertTrue(keyAsBearer.header("WWW-Authenticate").startsWith("Bearer realm=\"api\", error=\"invalid_token\""));
    Response tokenAsKey = client.apiKey("GET", "/whoami", pair.access());
    assertEquals(401, tokenAsKey.status());
    assertTrue(tokenAsKey.header("WWW-Authenticate").startsWith("ApiKey realm=\"api\", error=\"invalid_token\""));
    Response none = client.send("GET", "/whoami", null, null);
    assertEquals(401, none.status());
    assertEquals(List.of("Bearer realm=\"api\"", "ApiKey realm=\"api\""),
        none.headers("WWW-Authenticate"));
    HttpResponse<String> both = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(server.uri().resolve("/whoami"))
            .header("Authorization", "Bearer " + pair.access())
            .header(ApiKeyScheme.DEFAULT_HEADER, key).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(400, both.statusCode(), both.body());
    assertEquals(List.of("Bearer realm=\"api\", error=\"invalid_request\", error_description=\"Credentials for more than"
        + " one of Bearer, ApiKey\"", "ApiKey realm=\"api\", error=\"invalid_request\", error_description=\"Credentials"
        + " for more than one of Bearer, ApiKey\""), both.headers().allValues("WWW-Authenticate"));
  }

  @Test
  void aKeyOpensNoRouteThatTakesAccessOrRefreshTokensOnly() {
    Pair pair = newUser();
    String key = createKey(pair.access(), "ci").get("api_key").textValue();

    assertEquals(401, client.apiKey("POST", "/api_keys", key).status(), "a key cannot mint keys");
    assertEquals(401, client.apiKey("GET", "/api_keys", key).status());
    assertEquals(401, client.apiKey("DELETE", "/api_keys/x", key).status());
    assertEquals(401, client.apiKey("PUT", "/refresh_token", key).status());
    assertEquals(401, client.apiKey("GET", "/admin/users", key).status());
    assertEquals(401, client.apiKey("DELETE", "/delete_token", key).status());
    assertEquals(401, client.bearer("PUT", "/refresh_token", key).status());
    assertEquals(200, client.apiKey("GET", "/whoami", key).status(), "still valid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ci", "ci ", "c  i", "c\u0000i", "c\u200bi", "c\u00a0i"})
  void aNameThatBreaksTheUserNameRulesIs400(String name) {
    Pair pair = newUser();

    Response response = client.createKey(pair.access(), name);

    assertEquals(400, response.status());
    assertEquals(Names.rules("name"), response.json().get("error").textValue());
  }

  @Test
  void aMissingOrNonStringNameIs400() {
    Pair pair = newUser();

    assertEquals(400, client.send("POST", "/api_keys", "{}", "Bearer " + pair.access()).status());
    assertEquals(400, client.send("POST", "/api_keys", "{\"name\": 7}", "Bearer " + pair.access()).status());
  }

  @Test
  void anEleventhKeyIs409UntilOneIsRevoked() {
    Pair pair = newUser();
    String first = null;
    for (int i = 0; i < ApiKeyStore.MAX_KEYS; i++) {
      String id = createKey(pair.access(), "key " + i).get("id").textValue();
      first = first == null ? id : first;
    }

    Response eleventh = client.createKey(pair.access(), "one more");

    assertEquals(409, eleventh.status());
    assertTrue(eleventh.json().get("error").textValue().contains("at most 10 API keys"), eleventh.body());
    assertEquals(200, client.bearer("DELETE", "/api_keys/" + first, pair.access()).status());
    assertEquals(201, client.createKey(pair.access(), "one more").status());
  }

  @Test
  void theListShowsNamesAndDatesButNeverAKeyNorItsHash() {
    Pair pair = newUser();
    JsonNode ci = createKey(pair.access(), "ci");
    CLOCK.advance(Duration.ofSeconds(5));
    JsonNode deploy = createKey(pair.access(), "deploy");
    createKey(newUser().access(), "someone else's");

    Response response = client.bearer("GET", "/api_keys", pair.access());

    assertEquals(200, response.status());
    JsonNode keys = response.json().get("api_keys");
    assertEquals(2, keys.size(), response.body());
    assertEquals(List.of("id", "name", "created", "last_used"), fieldNames(keys.get(0)));
    assertEquals(ci.get("id"), keys.get(0).get("id"));
    assertEquals("deploy", keys.get(1).get("name").textValue());
    assertEquals(deploy.get("created"), keys.get(1).get("created"));
    assertTrue(keys.get(0).get("last_used").isNull());
    for (JsonNode key : List.of(ci, deploy)) {
      String secret = key.get("api_key").textValue();
      assertFalse(response.body().contains(secret));
      assertFalse(response.body().contains(SecretTokens.hash(secret)));
    }
  }

  @Test
  void theLastUseIsWrittenOnceAMinuteAtMost() {
    Pair pair = newUser();
    String key = createKey(pair.access(), "ci").get("api_key").textValue();
    long firstUse = CLOCK.instant().getEpochSecond();

    assertEquals(200, client.apiKey("GET", "/whoami", key).status());
    CLOCK.advance(Duration.ofSeconds(59));
    assertEquals(200, client.apiKey("GET", "/secret", key).status());
    assertEquals(firstUse, lastUsed(pair.access()), "not written again within the minute");
    CLOCK.advance(Duration.ofSeconds(1));
    assertEquals(200, client.apiKey("GET", "/secret", key).status());
    assertEquals(firstUse + 60, lastUsed(pair.access()));
    assertEquals(200, client.bearer("GET", "/secret", pair.access()).status());
    assertEquals(firstUse + 60, lastUsed(pair.access()), "an access token is no key's use");
  }

  private static long lastUsed(String access) {
    String text = client.bearer("GET", "/api_keys", access).json().get("api_keys").get(0)
        .get("last_used").textValue();
    return Instant.parse(text).getEpochSecond();
  }

  @Test
  void aRevokedKeyIsRefusedAtOnceEvenWhenCached() {
    Pair pair = newUser();
    JsonNode key = createKey(pair.access(), "ci");
    String secret = key.get("api_key").textValue();
    assertEquals(200, client.apiKey("GET", "/whoami", secret).status(), "now in the cache");

    assertEquals(200, client.bearer("DELETE", "/api_keys/" + key.get("id").textValue(), pair.access()).status());

    Response refused = client.apiKey("GET", "/whoami", secret);
    assertEquals(401, refused.status());
    assertEquals("ApiKey realm=\"api\", error=\"invalid_token\", error_description=\"Invalid access token\"",
        refused.header("WWW-Authenticate"));
    assertEquals(0, client.bearer("GET", "/api_keys", pair.access()).json().get("api_keys").size());
    assertEquals(404, client.bearer("DELETE", "/api_keys/" + key.get("id").textValue(), pair.access()).status());
  }

  @Test
  void anotherUsersKeyIsNotFoundAndKeepsWorking() {
    Pair owner = newUser();
    Pair other = newUser();
    JsonNode key = createKey(owner.access(), "ci");

    Response response = client.bearer("DELETE", "/api_keys/" + key.get("id").textValue(), other.access());

    assertEquals(404, response.status());
    assertEquals(404, client.bearer("DELETE", "/api_keys/no-such-id", other.access()).status());
    assertEquals(200, client.apiKey("GET", "/whoami", key.get("api_key").textValue()).status());
  }

  @Test
  void deletingTheUserDeletesTheirKeys() {
    Pair pair = newUser();
    String key = createKey(pair.access(), "ci").get("api_key").textValue();
    assertEquals(200, client.apiKey("GET", "/whoami", key).status(), "now in the cache");

    assertEquals(200, client.bearer("DELETE", "/user", pair.access()).status());

    assertEquals(401, client.apiKey("GET", "/whoami", key).status());
  }

  @Test
  void theKeyHeaderCanBeRenamed() throws Exception {
    StatelessAuthConfig config = Cli.parse(Map.of(), "--api-key-header", "X-Machine-Key").authConfig();
    Settings settings = TestSettings.sqlite(folder.resolve("renamed.db")).withAuthConfig(config);
    try (ExampleServer renamed = ExampleServer.start(settings)) {
      ServiceClient toRenamed = client.at(renamed.uri());
      assertEquals(201, toRenamed.register("renamer", PASSWORD).status());
      Pair pair = toRenamed.login("renamer", PASSWORD);
      String key = toRenamed.createKey(pair.access(), "ci").json().get("api_key").textValue();

      assertEquals(200, toRenamed.send("GET", "/whoami", null, "X-Machine-Key", key).status());
      Response old = toRenamed.apiKey("GET", "/whoami", key);
      assertEquals(401, old.status());
      assertEquals(List.of("Bearer realm=\"api\"", "ApiKey realm=\"api\""),
          old.headers("WWW-Authenticate"));
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void noKeyReachedTheLogs() {
    String text = logs.text();
    assertTrue(client.secrets().stream().filter(s -> s.length() == 43).count() > 10, "the client saw the keys");
    for (String secret : client.secrets()) {
      assertFalse(text.contains(secret), "a key, token or password was logged");
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
