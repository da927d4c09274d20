package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.AuthListener;
import io.statelessauth.example.testsupport.MutableClock;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.TestSettings;
import io.statelessauth.testing.TestRequest;
import io.statelessauth.testing.TestResponse;
import io.statelessauth.testsupport.LogCapture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route of the service and every failure it answers, run in memory through the test kit on
 * the service's own router, over a SQLite file; last, that no token nor password reached the logs
 * meanwhile. What only a real connection shows ({@code HEAD}) is in {@link HeadOverTheWireTest}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final String BARE_CHALLENGE = "Bearer realm=\"api\"";
  private static final AtomicInteger USERS = new AtomicInteger();

  @TempDir static Path folder;

  private static final MutableClock CLOCK = new MutableClock();
  private static LogCapture logs;
  private static ExampleServer.Service service;
  private static ServiceClient client;

  @BeforeAll
  static void open() throws Exception {
    logs = LogCapture.everything(Level.ALL);
    service = ExampleServer.open(TestSettings.sqlite(folder.resolve("service.db")), CLOCK,
        AuthListener.NONE);
    client = new ServiceClient(service.router());
  }

  @AfterAll
  static void close() {
    service.close();
    logs.close();
  }

  /** A user of its own for each test, so that tests cannot see each other's tokens. */
  private static String newUser() {
    String username = "user" + USERS.incrementAndGet();
    assertEquals(201, client.register(username, PASSWORD).status());
    return username;
  }

  @Test
  void rootSaysHello() {
    Response response = client.send("GET", "/", null, null);

    assertEquals(200, response.status());
    assertEquals("hello", response.body());
  }

  @Test
  void registeringAnswers201Success() {
    Response response = client.register("newcomer", PASSWORD);

    assertEquals(201, response.status());
    assertEquals("Success!", response.json().get("msg").textValue());
  }

  @Test
  void registeringATakenNameAnswers409() {
    String username = newUser();

    Response response = client.register(username, "another password");

    assertEquals(409, response.status());
    assertEquals("Username already taken", response.json().get("error").textValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/user", "/create_token"})
  void malformedJsonAnswers400(String path) {
    Response response = client.send("POST", path, "{\"username\": ", null);

    assertEquals(400, response.status());
    assertEquals("Malformed JSON body", response.json().get("error").textValue());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"password\": \"correct horse\"}                  | 'username' must be a string",
      "{\"username\": \"bob\"}                            | 'password' must be a string",
      "{\"username\": 7, \"password\": \"correct horse\"} | 'username' must be a string",
      "{\"username\": \"bob\", \"password\": true}        | 'password' must be a string",
      "[\"bob\", \"correct horse\"]                       | The body must be a JSON object"})
  void missingOrMistypedFieldsAnswer400(String body, String error) {
    for (String path : new String[] {"/user", "/create_token"}) {
      Response response = client.send("POST", path, body, null);

      assertEquals(400, response.status(), path);
      assertEquals(error, response.json().get("error").textValue(), path);
    }
  }

  @Test
  void aBodyOver64KiBAnswers413() {
    Response response = client.register("x".repeat(70_000), PASSWORD);

    assertEquals(413, response.status());
  }

  @Test
  void loginAnswers201WithANewPairEachTime() {
    String username = newUser();

    Response first = client.createToken(username, PASSWORD);
    Response second = client.createToken(username, PASSWORD);

    assertEquals(201, first.status());
    assertEquals(3600, first.json().get("expiry").longValue());
    assertEquals(43, ServiceClient.pair(first).access().length());
    assertNotEquals(ServiceClient.pair(first), ServiceClient.pair(second));
    assertEquals(200, client.bearer("GET", "/secret", ServiceClient.pair(first).access()).status());
    assertEquals(200, client.bearer("GET", "/secret", ServiceClient.pair(second).access()).status());
  }

  @Test
  void aWrongPasswordAndAnUnknownNameAnswerTheSame401() {
    String username = newUser();

    Response wrongPassword = client.createToken(username, "not the password");
    Response unknownName = client.createToken("nobody-" + username, PASSWORD);

    assertEquals(401, wrongPassword.status());
    assertEquals(401, unknownName.status());
    assertEquals(wrongPassword.body(), unknownName.body());
  }

  @Test
  void secretNeedsAnAccessToken() {
    Pair pair = client.login(newUser(), PASSWORD);

    Response response = client.bearer("GET", "/secret", pair.access());

    assertEquals(200, response.status());
    assertEquals("Stateless auth is awesome :O", response.json().get("secret").textValue());
  }

  @Test
  void whoamiNamesTheTokensOwner() {
    String username = newUser();
    Pair pair = client.login(username, PASSWORD);

    Response response = client.bearer("GET", "/whoami", pair.access());

    assertEquals(200, response.status());
    assertEquals(username, response.json().get("my_username").textValue());
  }

  @Test
  void theSchemeIsMatchedWithoutRegardToCase() {
    Pair pair = client.login(newUser(), PASSWORD);

    assertEquals(200, client.send("GET", "/whoami", null, "bEARER " + pair.access()).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/secret", "/whoami", "/delete_token", "/user", "/refresh_token"})
  void aMissingHeaderAnswers401WithABareChallenge(String path) {
    String method = switch (path) {
      case "/delete_token", "/user" -> "DELETE";
      case "/refresh_token" -> "PUT";
      default -> "GET";
    };

    Response response = client.send(method, path, null, null);

    assertEquals(401, response.status());
    assertEquals(BARE_CHALLENGE, response.header("WWW-Authenticate"));
    assertTrue(response.json().get("error").isTextual());
  }

  @Test
  void anotherSchemeAnswers401WithABareChallenge() {
    Pair pair = client.login(newUser(), PASSWORD);

    Response response = client.send("GET", "/secret", null, "Basic " + pair.access());

    assertEquals(401, response.status());
    assertEquals(BARE_CHALLENGE, response.header("WWW-Authenticate"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer two tokens", "Bearer a\"quote", "Bearer not,b64token"})
  void aMalformedTokenAnswers400InvalidRequest(String authorization) {
    Response response = client.send("GET", "/secret", null, authorization);

    assertEquals(400, response.status());
    assertTrue(response.header("WWW-Authenticate").contains("error=\"invalid_request\""),
        response.header("WWW-Authenticate"));
  }

  @Test
  void twoAuthorizationHeadersAnswer400() {
    Pair pair = client.login(newUser(), PASSWORD);
    TestRequest request = TestRequest.get("/secret").bearer(pair.access()).bearer(pair.access());

    TestResponse response = request.send(service.router());

    assertEquals(400, response.status());
  }

  @Test
  void aTokenOverTheLengthLimitAnswers400() {
    Response response = client.bearer("GET", "/secret", "a".repeat(4097));

    assertEquals(400, response.status());
  }

  @Test
  void anUnknownTokenAnswers401InvalidToken() {
    Pair pair = client.login(newUser(), PASSWORD);

    Response response = client.bearer("GET", "/secret", pair.access() + "x");

    assertEquals(401, response.status());
    assertTrue(response.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    assertNull(response.json().get("secret"));
  }

  @Test
  void aRefreshTokenIsNotAnAccessTokenNorTheOtherWayRound() {
    Pair pair = client.login(newUser(), PASSWORD);

    assertEquals(401, client.bearer("GET", "/secret", pair.refresh()).status());
    assertEquals(401, client.refresh(pair.access()).status());
  }

  @Test
  void anExpiredAccessTokenAnswers401AndTheRefreshTokenStillWorks() {
    Pair pair = client.login(newUser(), PASSWORD);

    CLOCK.advance(Duration.ofHours(1));
    Response expired = client.bearer("GET", "/secret", pair.access());
    Response refreshed = client.refresh(pair.refresh());

    assertEquals(401, expired.status());
    assertEquals("Token error: access token expired", expired.json().get("error").textValue());
    assertTrue(expired.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    assertEquals(201, refreshed.status());
  }

  @Test
  void anExpiredRefreshTokenAnswers401() {
    Pair pair = client.login(newUser(), PASSWORD);

    CLOCK.advance(Duration.ofDays(365));

    assertEquals(401, client.refresh(pair.refresh()).status());
  }

  @Test
  void refreshingRotatesThePair() {
    String username = newUser();
    Pair old = client.login(username, PASSWORD);

    Response response = client.refresh(old.refresh());
    Pair rotated = ServiceClient.pair(response);

    assertEquals(201, response.status());
    assertEquals(3600, response.json().get("expiry").longValue());
    assertEquals(username, client.bearer("GET", "/whoami", rotated.access()).json()
        .get("my_username").textValue());
    assertEquals(401, client.bearer("GET", "/whoami", old.access()).status());
    assertEquals(201, client.refresh(rotated.refresh()).status());
  }

  @Test
  void deletingATokenRevokesItsPairOnly() {
    String username = newUser();
    Pair revoked = client.login(username, PASSWORD);
    Pair kept = client.login(username, PASSWORD);

    Response response = client.bearer("DELETE", "/delete_token", revoked.access());

    assertEquals(200, response.status());
    assertEquals("Success!", response.json().get("msg").textValue());
    assertEquals(401, client.bearer("GET", "/secret", revoked.access()).status());
    assertEquals(401, client.refresh(revoked.refresh()).status());
    assertEquals(200, client.bearer("GET", "/secret", kept.access()).status());
  }

  @Test
  void deletingTheUserNeedsTheirTokenAndEndsAllTheirTokens() {
    String username = newUser();
    Pair first = client.login(username, PASSWORD);
    Pair second = client.login(username, PASSWORD);

    Response response = client.bearer("DELETE", "/user", first.access());

    assertEquals(200, response.status());
    assertEquals(401, client.bearer("GET", "/whoami", first.access()).status());
    assertEquals(401, client.bearer("GET", "/whoami", second.access()).status());
    assertEquals(401, client.refresh(second.refresh()).status());
    assertEquals(401, client.createToken(username, PASSWORD).status());
    assertEquals(201, client.register(username, PASSWORD).status(), "the name is free again");
  }

  @Test
  void noUserIsBoundOutsideAnAuthenticatedRequest() {
    Pair pair = client.login(newUser(), PASSWORD);

    for (int i = 0; i < 20; i++) {
      assertEquals(200, client.bearer("GET", "/whoami", pair.access()).status());
      Response response = client.send("GET", "/no_current_stateless_user", null, null);
      assertEquals("None", response.json().get("current_stateless_username").textValue());
    }
  }

  @Test
  void theProbeIgnoresATokenBecauseItIsNotAProtectedRoute() {
    Pair pair = client.login(newUser(), PASSWORD);

    Response response = client.bearer("GET", "/no_current_stateless_user", pair.access());

    assertEquals("None", response.json().get("current_stateless_username").textValue());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GET    | /user          | DELETE, POST",
      "GET    | /create_token  | POST",
      "POST   | /secret        | GET, HEAD",
      "GET    | /refresh_token | PUT",
      "DELETE | /              | GET, HEAD"})
  void aWrongMethodAnswers405WithAllow(String method, String path, String allow) {
    Response response = client.send(method, path, null, null);

    assertEquals(405, response.status());
    assertEquals(allow, response.header("Allow"));
    assertEquals("Method not allowed", response.json().get("error").textValue());
  }

  @Test
  void anUnknownPathAnswers404Json() {
    Response response = client.send("GET", "/secrets", null, null);

    assertEquals(404, response.status());
    assertEquals("Not found", response.json().get("error").textValue());
  }

  @Test
  void tokenResponsesForbidCaching() {
    String username = newUser();

    Response login = client.createToken(username, PASSWORD);
    Response rotation = client.refresh(ServiceClient.pair(login).refresh());

    for (Response response : new Response[] {login, rotation}) {
      assertEquals(201, response.status());
      assertEquals("no-store", response.header("Cache-Control"));
      assertEquals("no-cache", response.header("Pragma"));
    }
  }

  @Test
  @Order(Integer.MAX_VALUE - 1)
  void aTokenWhoseUserVanishedAnswers500() throws Exception {
    String username = newUser();
    Pair pair = client.login(username, PASSWORD);
    // Foreign keys are off on a plain connection: the user goes, the token stays.
    try (Connection connection = DriverManager.getConnection(
            "jdbc:sqlite:" + folder.resolve("service.db"));
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM users WHERE username = ?")) {
      delete.setString(1, username);
      assertEquals(1, delete.executeUpdate());
    }

    Response response = client.bearer("GET", "/whoami", pair.access());

    assertEquals(500, response.status());
    assertFalse(response.body().contains(pair.access()));
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void noTokenNorPasswordReachedTheLogs() {
    String text = logs.text();
    assertTrue(text.contains("user loader found no user"), "the logs were captured");
    assertTrue(client.secrets().size() > 20, "the client saw the tokens");
    for (String secret : client.secrets()) {
      assertFalse(text.contains(secret), "a token or password was logged");
    }
  }
}
