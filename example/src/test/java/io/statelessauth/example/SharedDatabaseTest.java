package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database is the only state: it survives a restart and serves several instances at once. */
class SharedDatabaseTest {

  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path folder;

  @Test
  void usersAndTokensSurviveARestart() throws Exception {
    Settings settings = TestSettings.sqlite(folder.resolve("shared.db"));
    Pair pair;
    try (ExampleServer first = ExampleServer.start(settings)) {
      ServiceClient client = new ServiceClient(first.uri());
      assertEquals(201, client.register("alice", PASSWORD).status());
      pair = client.login("alice", PASSWORD);
    }

    try (ExampleServer second = ExampleServer.start(settings)) {
      ServiceClient client = new ServiceClient(second.uri());
      assertEquals("alice", client.bearer("GET", "/whoami", pair.access()).json()
          .get("my_username").textValue());
      assertEquals(409, client.register("alice", PASSWORD).status());
      assertEquals(201, client.createToken("alice", PASSWORD).status());
    }
  }

  @Test
  void twoInstancesOverOneFileSeeEachOthersTokens() throws Exception {
    Settings settings = TestSettings.sqlite(folder.resolve("shared.db"));
    try (ExampleServer one = ExampleServer.start(settings);
        ExampleServer two = ExampleServer.start(settings)) {
      ServiceClient toOne = new ServiceClient(one.uri());
      ServiceClient toTwo = toOne.at(two.uri());
      assertEquals(201, toOne.register("alice", PASSWORD).status());

      Pair issuedByOne = toOne.login("alice", PASSWORD);
      assertEquals(200, toTwo.bearer("GET", "/secret", issuedByOne.access()).status());

      Pair rotatedByTwo = ServiceClient.pair(toTwo.refresh(issuedByOne.refresh()));
      assertEquals(401, toOne.bearer("GET", "/secret", issuedByOne.access()).status());
      assertEquals(200, toOne.bearer("GET", "/secret", rotatedByTwo.access()).status());

      assertEquals(200, toOne.bearer("DELETE", "/delete_token", rotatedByTwo.access()).status());
      assertEquals(401, toTwo.bearer("GET", "/secret", rotatedByTwo.access()).status());
      assertEquals(401, toTwo.refresh(rotatedByTwo.refresh()).status());
    }
  }
}
