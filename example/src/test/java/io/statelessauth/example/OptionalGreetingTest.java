package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.statelessauth.AuthListener;
import io.statelessauth.example.testsupport.MutableClock;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.SqliteFile;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /}, the optional route: anonymous without a token, exactly as before it took one;
 * greeting the caller by name with a valid access token; refusing a token that is not valid
 * rather than taking it for none. Run in memory through the test kit on the service's own router;
 * {@code HEAD} of the greeting goes over the wire in {@link HeadOverTheWireTest}.
 */
class OptionalGreetingTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final AtomicInteger USERS = new AtomicInteger();

  @TempDir static Path folder;

  private static final MutableClock CLOCK = new MutableClock();
  private static ExampleServer.Service service;
  private static ServiceClient client;

  @BeforeAll
  static void open() throws Exception {
    service = ExampleServer.open(TestSettings.sqlite(folder.resolve("greeting.db")), CLOCK,
        AuthListener.NONE);
    client = new ServiceClient(service.router());
  }

  @AfterAll
  static void close() {
    service.close();
  }

  private static String newUser() {
    String username = "greeted" + USERS.incrementAndGet();
    assertEquals(201, client.register(username, PASSWORD).status());
    return username;
  }

  @Test
  void withoutATokenTheGreetingIsTheSeedsPlainHello() {
    Response response = client.send("GET", "/", null, null);

    assertEquals(200, response.status());
    assertEquals("hello", response.body());
    assertEquals("text/plain; charset=utf-8", response.header("Content-Type"));
    assertEquals("nosniff", response.header("X-Content-Type-Options"));
    assertNull(response.header("WWW-Authenticate"));
  }

  @Test
  void aValidAccessTokenIsGreetedByName() {
    String username = newUser();
    Pair pair = client.login(username, PASSWORD);

    Response response = client.bearer("GET", "/", pair.access());

    assertEquals(200, response.status());
    assertEquals("hello " + username, response.body());
    assertEquals("text/plain; charset=utf-8", response.header("Content-Type"));
  }

  @Test
  void anotherSchemeIsAnonymous() {
    Response response = client.send("GET", "/", null, "Basic YWxpY2U6c2VjcmV0");

    assertEquals(200, response.status());
    assertEquals("hello", response.body());
  }

  @Test
  void anUnknownTokenIsRefusedNotTakenForNone() {
    Response response = client.bearer("GET", "/", "not-a-token-anyone-was-given");

    assertEquals(401, response.status());
    assertEquals("Token error: Invalid access token", response.json().get("error").textValue());
    assertEquals("Bearer realm=\"api\", error=\"invalid_token\","
        + " error_description=\"Invalid access token\"", response.header("WWW-Authenticate"));
  }

  @Test
  void aRefreshTokenIsNoAccessTokenHereEither() {
    Pair pair = client.login(newUser(), PASSWORD);

    assertEquals(401, client.bearer("GET", "/", pair.refresh()).status());
  }

  @Test
  void aRevokedTokenIsRefused() {
    Pair pair = client.login(newUser(), PASSWORD);
    assertEquals(200, client.bearer("DELETE", "/delete_token", pair.access()).status());

    assertEquals(401, client.bearer("GET", "/", pair.access()).status());
  }

  /**
   * Expiry holds for a token answered from the cache: once greeted, the token's row is deleted
   * behind the service's back (nothing is published), and the greeting still works, so it came
   * from the cache; an hour later the same cached token is refused as expired, not as unknown.
   */
  @Test
  void anExpiredTokenIsRefusedEvenWhenItIsAnsweredFromTheCache() throws Exception {
    Path own = Files.createDirectories(folder.resolve("expiry"));
    SqliteFile file = new SqliteFile(own.resolve("expiry.db"));
    MutableClock clock = new MutableClock();
    try (ExampleServer.Service expiring =
        ExampleServer.open(TestSettings.sqlite(file.path()), clock, AuthListener.NONE)) {
      ServiceClient toExpiring = new ServiceClient(expiring.router());
      assertEquals(201, toExpiring.register("ephemeral", PASSWORD).status());
      Pair pair = toExpiring.login("ephemeral", PASSWORD);
      assertEquals("hello ephemeral", toExpiring.bearer("GET", "/", pair.access()).body());

      file.execute("DELETE FROM token_pairs");
      assertEquals(0, file.pairsOf("ephemeral"));
      assertEquals("hello ephemeral", toExpiring.bearer("GET", "/", pair.access()).body(),
          "a cache hit: the database no longer knows the token");

      clock.advance(Duration.ofHours(1));

      Response response = toExpiring.bearer("GET", "/", pair.access());
      assertEquals(401, response.status());
      assertEquals("Token error: access token expired", response.json().get("error").textValue());
    }
  }
}
