package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.example.ServiceClient.Pair;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same SQL on PostgreSQL, with two instances sharing one database: tokens, rotation, a
 * replayed refresh token revoking its family on the other instance, user deletion. Runs only when
 * {@code EXAMPLE_POSTGRES_URL} names a database to use, such as
 * {@code jdbc:postgresql://localhost/auth?user=auth&password=secret}.
 */
@EnabledIfEnvironmentVariable(named = "EXAMPLE_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresTest {

  private static final String PASSWORD = "correct horse battery staple";

  @Test
  void twoInstancesShareUsersAndTokensThroughPostgres() throws Exception {
    Settings settings = Settings.defaults()
        .withAddress("127.0.0.1", 0)
        .withDatabaseUrl(System.getenv("EXAMPLE_POSTGRES_URL"))
        .withPasswordIterations(1_000);
    String username = "pg-" + UUID.randomUUID();
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
