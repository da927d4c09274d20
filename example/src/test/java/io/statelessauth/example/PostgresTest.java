package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.cli.Settings.CacheSize;
import io.statelessauth.example.testsupport.PostgresDatabase;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.TestSettings;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The same SQL on PostgreSQL, with two instances sharing one database without a cache: tokens,
 * rotation, a replayed refresh token revoking its family on the other instance, user deletion.
 * Runs where {@code EXAMPLE_POSTGRES_URL} names a database ({@link PostgresDatabase}).
 */
@EnabledIf("io.statelessauth.example.testsupport.PostgresDatabase#availableOrRequired")
class PostgresTest {

  private static final String PASSWORD = "correct horse battery staple";

  @Test
  void twoInstancesShareUsersAndTokensThroughPostgres() throws Exception {
    String username = "pg-" + UUID.randomUUID();
    try (PostgresDatabase database = PostgresDatabase.emptySchema()) {
      twoInstancesShare(TestSettings.postgres(database)
          .withAuthCache(new CacheSize(0, Duration.ofSeconds(60))), username);
    }
  }

  private static void twoInstancesShare(Settings settings, String username) throws Exception {
    try (ExampleServer one = ExampleServer.start(settings);
        ExampleServer two = ExampleServer.start(settings)) {
      ServiceClient toOne = new ServiceClient(one.uri());
      ServiceClient toTwo = toOne.at(two.uri());
      assertEquals(201, toOne.register(username, PASSWORD).status());
      assertEquals(409, toTwo.register(username, PASSWORD).status());

      Pair issuedByOne = toOne.login(username, PASSWORD);
      assertEquals(username, toTwo.bearer("GET", "/whoami", issuedByOne.access()).json()
          .get("my_username").textValue());

      Pair rotatedByTwo = ServiceClient.pair(toTwo.refresh(issuedByOne.refresh()));
      assertEquals(401, toOne.bearer("GET", "/secret", issuedByOne.access()).status());
      assertEquals(200, toOne.bearer("GET", "/secret", rotatedByTwo.access()).status());
      assertEquals(401, toOne.refresh(issuedByOne.refresh()).status());
      assertEquals(401, toTwo.bearer("GET", "/secret", rotatedByTwo.access()).status(),
          "the replay on one revoked the family on two");

      Pair again = toTwo.login(username, PASSWORD);
      assertEquals(200, toOne.bearer("DELETE", "/user", again.access()).status());
      assertEquals(401, toTwo.bearer("GET", "/secret", again.access()).status());
      assertEquals(401, toTwo.createToken(username, PASSWORD).status());
    }
  }
}
