package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.AuthListener;
import io.statelessauth.SecretTokens;
import io.statelessauth.example.accounts.Passwords;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.testsupport.MutableClock;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.SqliteFile;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refresh-token families (RFC 9700 §4.14.2) and the absolute session lifetime, through the
 * service's routes run in memory by the test kit: a replayed refresh token revokes every pair
 * descended from its login, and no rotation carries a session past {@code --session-max-age}.
 * Also that a database made before families existed keeps working.
 */
class TokenFamilyTest {

  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path folder;

  private final MutableClock clock = new MutableClock();

  private ExampleServer.Service start(Settings settings) throws Exception {
    return ExampleServer.open(settings, clock, AuthListener.NONE);
  }

  private Settings settings() {
    return TestSettings.sqlite(folder.resolve("families.db"));
  }

  @Test
  void aReplayedRefreshTokenRevokesEveryPairDescendedFromItsLogin() throws Exception {
    try (ExampleServer.Service service = start(settings())) {
      ServiceClient client = new ServiceClient(service.router());
      assertEquals(201, client.register("alice", PASSWORD).status());
      Pair first = client.login("alice", PASSWORD);
      Pair otherDevice = client.login("alice", PASSWORD);
      Pair second = ServiceClient.pair(client.refresh(first.refresh()));
      Pair third = ServiceClient.pair(client.refresh(second.refresh()));

      Response replay = client.refresh(first.refresh());

      assertEquals(401, replay.status());
      assertEquals(401, client.bearer("GET", "/whoami", third.access()).status());
      assertEquals(401, client.refresh(third.refresh()).status());
      assertEquals(200, client.bearer("GET", "/whoami", otherDevice.access()).status(),
          "another login is another family");
      assertEquals(201, client.refresh(otherDevice.refresh()).status());
    }
  }

  @Test
  void aThiefWhoRotatesFirstLosesTheSessionWhenTheOwnerPresentsTheOldToken() throws Exception {
    try (ExampleServer.Service service = start(settings())) {
      ServiceClient owner = new ServiceClient(service.router());
      ServiceClient thief = owner.at(service.router());
      assertEquals(201, owner.register("bob", PASSWORD).status());
      Pair stolen = owner.login("bob", PASSWORD);
      Pair thiefs = ServiceClient.pair(thief.refresh(stolen.refresh()));

      assertEquals(401, owner.refresh(stolen.refresh()).status());

      assertEquals(401, thief.bearer("GET", "/secret", thiefs.access()).status());
      assertEquals(401, thief.refresh(thiefs.refresh()).status());
    }
  }

  @Test
  void noRotationCarriesASessionPastItsMaximumAge() throws Exception {
    Settings settings = settings()
        .withTokenLifetimes(Duration.ofHours(1), Duration.ofDays(14))
        .withSessionMaxAge(Duration.ofDays(2));
    try (ExampleServer.Service service = start(settings)) {
      ServiceClient client = new ServiceClient(service.router());
      assertEquals(201, client.register("carol", PASSWORD).status());
      Pair pair = client.login("carol", PASSWORD);
      for (int hours = 0; hours < 47; hours++) {
        clock.advance(Duration.ofHours(1));
        pair = ServiceClient.pair(client.refresh(pair.refresh()));
      }
      clock.advance(Duration.ofMinutes(30));
      Response lastRotation = client.refresh(pair.refresh());
      assertEquals(201, lastRotation.status());
      assertEquals(1800, lastRotation.json().get("expiry").longValue(),
          "the access token ends with the session");
      Pair last = ServiceClient.pair(lastRotation);

      clock.advance(Duration.ofMinutes(30));

      assertEquals(401, client.bearer("GET", "/whoami", last.access()).status());
      assertEquals(401, client.refresh(last.refresh()).status());
      assertEquals(201, client.createToken("carol", PASSWORD).status(), "logging in starts anew");
    }
  }

  @Test
  void aDatabaseMadeBeforeFamiliesKeepsItsTokensAndGainsFamilies() throws Exception {
    SqliteFile old = new SqliteFile(folder.resolve("old.db"));
    String access = SecretTokens.generate();
    String refresh = SecretTokens.generate();
    long now = clock.instant().getEpochSecond();
    // The schema and rows as the example wrote them before refresh-token families.
    old.execute("CREATE TABLE users (username TEXT PRIMARY KEY, password_hash TEXT NOT NULL)");
    old.execute("CREATE TABLE token_pairs (id TEXT PRIMARY KEY, username TEXT NOT NULL"
        + " REFERENCES users (username) ON DELETE CASCADE, access_hash TEXT NOT NULL,"
        + " refresh_hash TEXT NOT NULL, access_expires_at BIGINT NOT NULL,"
        + " refresh_expires_at BIGINT NOT NULL)");
    old.execute("CREATE UNIQUE INDEX token_pairs_access_hash ON token_pairs (access_hash)");
    old.execute("CREATE UNIQUE INDEX token_pairs_refresh_hash ON token_pairs (refresh_hash)");
    old.execute("CREATE INDEX token_pairs_username ON token_pairs (username)");
    old.execute("INSERT INTO users VALUES ('dave', '" + new Passwords(1_000).hash(PASSWORD) + "')");
    old.execute("INSERT INTO token_pairs VALUES ('old-pair', 'dave', '" + SecretTokens.hash(access)
        + "', '" + SecretTokens.hash(refresh) + "', " + (now + 3600) + ", " + (now + 86_400) + ")");

    try (ExampleServer.Service service = start(TestSettings.sqlite(old.path()))) {
      ServiceClient client = new ServiceClient(service.router());
      assertEquals(200, client.bearer("GET", "/whoami", access).status());
      Pair rotated = ServiceClient.pair(client.refresh(refresh));
      assertEquals(200, client.bearer("GET", "/whoami", rotated.access()).status());

      assertEquals(401, client.refresh(refresh).status());
      assertEquals(401, client.bearer("GET", "/whoami", rotated.access()).status(),
          "the old pair became a family of its own");
      assertEquals(201, client.createToken("dave", PASSWORD).status());
    }
  }
}
