package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.statelessauth.AuthListener;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.SqliteFile;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation, revocation and account deletion fail as a whole or not at all: a trigger makes the
 * statement that changes a token pair fail after the request's earlier statements succeeded, and
 * afterwards exactly the old state works, never a mix and never nothing. The service's routes run
 * in memory through the test kit.
 */
class AtomicityTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final AtomicInteger USERS = new AtomicInteger();

  @TempDir static Path folder;

  private static ExampleServer.Service service;
  private static ServiceClient client;
  private static SqliteFile database;

  @BeforeAll
  static void open() throws Exception {
    database = new SqliteFile(folder.resolve("atomic.db"));
    service = ExampleServer.open(TestSettings.sqlite(database.path()), Clock.systemUTC(),
        AuthListener.NONE);
    client = new ServiceClient(service.router());
  }

  @AfterAll
  static void close() {
    service.close();
  }

  private static String newUser() {
    String username = "user" + USERS.incrementAndGet();
    assertEquals(201, client.register(username, PASSWORD).status());
    return username;
  }

  private static int whoami(Pair pair) {
    return client.bearer("GET", "/whoami", pair.access()).status();
  }

  @Test
  void aRotationWhoseInsertFailsKeepsTheOldPairAndIssuesNone() throws Exception {
    String username = newUser();
    Pair old = client.login(username, PASSWORD);

    AutoCloseable fault = database.failChangesToTokenPairs("BEFORE INSERT");
    try {
      Response failed = client.refresh(old.refresh());

      assertEquals(500, failed.status());
      assertNull(failed.json().get("access_token"), "no pair was handed out");
      assertEquals(1, database.pairsOf(username));
      assertEquals(200, whoami(old));
    } finally {
      fault.close();
    }

    Pair rotated = ServiceClient.pair(client.refresh(old.refresh()));
    assertEquals(200, whoami(rotated));
    assertEquals(401, whoami(old));
    assertEquals(1, database.pairsOf(username));
  }

  @Test
  void aRevocationThatFailsLeavesBothTokensOfThePairWorking() throws Exception {
    Pair pair = client.login(newUser(), PASSWORD);

    AutoCloseable fault = database.failChangesToTokenPairs("BEFORE DELETE");
    try {
      assertEquals(500, client.bearer("DELETE", "/delete_token", pair.access()).status());
      assertEquals(200, whoami(pair));
    } finally {
      fault.close();
    }

    assertEquals(201, client.refresh(pair.refresh()).status());
  }

  @Test
  void deletingAUserWhoseTokensCannotBeDeletedKeepsTheUserAndEveryToken() throws Exception {
    String username = newUser();
    Pair first = client.login(username, PASSWORD);
    Pair second = client.login(username, PASSWORD);

    AutoCloseable fault = database.failChangesToTokenPairs("BEFORE DELETE");
    try {
      assertEquals(500, client.bearer("DELETE", "/user", first.access()).status());
    } finally {
      fault.close();
    }

    assertEquals(200, whoami(first));
    assertEquals(200, whoami(second));
    assertEquals(201, client.createToken(username, PASSWORD).status());
    assertEquals(409, client.register(username, PASSWORD).status());
  }
}
