package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.testsupport.Eventually;
import io.statelessauth.example.testsupport.MutableClock;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.SqliteFile;
import io.statelessauth.example.testsupport.TestSettings;
import io.statelessauth.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite file locked, gone, replaced or read-only while the service runs: the routes that need
 * it answer 503 JSON with {@code Retry-After} (never a challenge, so clients keep their tokens),
 * nothing is half-written, and the service resumes by itself when the file is back. A token the
 * authentication cache holds is answered from it until the revocation poller finds the file gone
 * or replaced and clears the cache, one poll later: the tests wait for that ({@link Eventually}).
 */
class DatabaseFaultTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final String UNAVAILABLE = "Server error: Database unavailable, try again later";

  @TempDir Path folder;

  private final MutableClock clock = new MutableClock();
  private Path data;
  private SqliteFile database;
  private LogCapture logs;
  private ExampleServer server;
  private ServiceClient client;

  @BeforeEach
  void start() throws Exception {
    data = Files.createDirectory(folder.resolve("data"));
    database = new SqliteFile(data.resolve("fault.db"));
    logs = LogCapture.everything(Level.ALL);
    server = ExampleServer.start(TestSettings.sqlite(database.path())
        .withBusyTimeout(Duration.ofMillis(200)), clock);
    client = new ServiceClient(server.uri());
  }

  @AfterEach
  void stop() {
    server.close();
    logs.close();
  }

  private Pair registeredAndLoggedIn(String username) {
    assertEquals(201, client.register(username, PASSWORD).status());
    return client.login(username, PASSWORD);
  }

  private String whoami(Pair pair) {
    Response response = client.bearer("GET", "/whoami", pair.access());
    assertEquals(200, response.status(), response.body());
    return response.json().get("my_username").textValue();
  }

  private static void assertUnavailable(Response response) {
    assertEquals(503, response.status(), response.body());
    assertEquals(UNAVAILABLE, response.json().get("error").textValue());
    assertEquals("application/json; charset=utf-8", response.header("Content-Type"));
    assertEquals("5", response.header("Retry-After"), "the README's Retry-After of every 503");
    assertNull(response.header("WWW-Authenticate"), "a 503 must not tell clients to log in again");
  }

  /** Every route that writes, with a token of {@code pair} where it needs one. */
  private List<Supplier<Response>> writes(Pair pair) {
    return List.of(
        () -> client.register("newcomer", PASSWORD),
        () -> client.createToken("alice", PASSWORD),
        () -> client.refresh(pair.refresh()),
        () -> client.bearer("DELETE", "/delete_token", pair.access()),
        () -> client.bearer("DELETE", "/user", pair.access()));
  }

  /** Every route that reads only. */
  private List<Supplier<Response>> reads(Pair pair) {
    return List.of(
        () -> client.bearer("GET", "/whoami", pair.access()),
        () -> client.bearer("GET", "/secret", pair.access()));
  }

  /** Repeats {@code request} while it answers 503, for at most ten seconds. */
  private static Response onceAvailable(Supplier<Response> request) {
    Instant deadline = Instant.now().plusSeconds(10);
    Response response = request.get();
    while (response.status() == 503 && Instant.now().isBefore(deadline)) {
      response = request.get();
    }
    return response;
  }

  @Test
  void aWriteLockHeldPastTheBusyTimeoutAnswers503ToWritesWhileReadsGoOn() throws Exception {
    Pair pair = registeredAndLoggedIn("alice");

    AutoCloseable lock = database.writeLock();
    try {
      for (Supplier<Response> write : writes(pair)) {
        assertUnavailable(write.get());
      }
      for (Supplier<Response> read : reads(pair)) {
        assertEquals(200, read.get().status(), "readers never wait for the writer");
      }
      assertEquals(1, database.pairsOf("alice"), "the refused login issued no pair");
    } finally {
      lock.close();
    }

    assertEquals(201, client.register("newcomer", PASSWORD).status(), "the name stayed free");
    Response rotated = client.refresh(pair.refresh());
    assertEquals(201, rotated.status(), "the pair survived the refused revocations and rotation");
    assertEquals("alice", whoami(ServiceClient.pair(rotated)));
  }

  @Test
  void aDatabaseFolderRenamedAwayAnswers503OnEveryDatabaseRouteUntilItIsBack() throws Exception {
    Pair pair = registeredAndLoggedIn("alice");
    assertEquals("alice", whoami(pair), "the token is now cached");
    Path away = Files.move(data, folder.resolve("away"));
    try {
      assertUnavailable(
          Eventually.answers(503, () -> client.bearer("GET", "/whoami", pair.access())));
      for (Supplier<Response> request : writes(pair)) {
        assertUnavailable(request.get());
      }
      for (Supplier<Response> request : reads(pair)) {
        assertUnavailable(request.get());
      }
      assertEquals(200, client.send("GET", "/", null, null).status());
      assertEquals(200, client.send("GET", "/no_current_stateless_user", null, null).status());
      assertFalse(Files.exists(data), "no empty database was started in its place");
    } finally {
      Files.move(away, data);
    }

    assertEquals("alice", whoami(pair));
    assertEquals(201, client.refresh(pair.refresh()).status());
  }

  @Test
  void aRestoredBackupIsServedInsteadOfTheFileItReplaced() throws Exception {
    Pair backedUp = registeredAndLoggedIn("alice");
    Path backup = database.backUpTo(folder.resolve("backup.db"));
    Pair notBackedUp = client.login("alice", PASSWORD);
    assertEquals("alice", whoami(notBackedUp));

    database.restore(backup);

    // Neither a connection to the replaced file nor what the cache loaded from it is used again.
    Eventually.answers(401, () -> client.bearer("GET", "/whoami", notBackedUp.access()));
    assertEquals(401, client.bearer("GET", "/whoami", notBackedUp.access()).status());
    assertEquals("alice", whoami(backedUp));
    assertEquals(201, client.refresh(backedUp.refresh()).status());
  }

  @Test
  void aReadOnlyDatabaseAnswers503ToWritesAndWritesResumeWhenItIsWritableAgain()
      throws Exception {
    Pair pair = registeredAndLoggedIn("alice");
    // A connection keeps the access it was opened with, and the service may open one at any time
    // (its revocation poller does), so the file is read-only before it takes the database's place:
    // a copy made read-only in a folder of its own, which then takes the data folder's place (a
    // file made immutable, as it must be for root, cannot be renamed itself). The service sees
    // another file and opens new connections, all read-only.
    Path next = Files.createDirectory(folder.resolve("next"));
    Path copy = database.backUpTo(next.resolve(database.path().getFileName()));
    ReadOnlyFile readOnly = ReadOnlyFile.of(copy);
    Files.move(data, folder.resolve("replaced"));
    Files.move(next, data);
    readOnly = readOnly.movedTo(database.path());
    try {
      for (Supplier<Response> read : reads(pair)) {
        assertEquals(200, read.get().status(), "a read-only database still serves reads");
      }
      for (Supplier<Response> write : writes(pair)) {
        assertUnavailable(write.get());
      }
    } finally {
      readOnly.close();
    }

    assertEquals(201, onceAvailable(() -> client.register("newcomer", PASSWORD)).status());
    assertEquals(201, client.refresh(pair.refresh()).status());
    assertEquals(1, database.pairsOf("alice"));
  }

  @Test
  void anOutageIsLoggedOnceAMinuteWithoutTokensOrPasswords() throws Exception {
    Pair pair = registeredAndLoggedIn("alice");
    Path away = Files.move(data, folder.resolve("away"));
    try {
      for (int i = 0; i < 10; i++) {
        assertUnavailable(client.bearer("GET", "/whoami", pair.access()));
      }
      assertEquals(1, occurrences(logs.text(), "Database unavailable"));

      clock.advance(Duration.ofMinutes(1));
      assertUnavailable(client.createToken("alice", PASSWORD));
    } finally {
      Files.move(away, data);
    }

    String text = logs.text();
    assertEquals(2, occurrences(text, "Database unavailable"));
    assertTrue(text.contains("9 more failed calls since the last report"), text);
    assertTrue(text.contains("fault.db is missing"), text);
    for (String secret : client.secrets()) {
      assertFalse(text.contains(secret), "a token or password was logged");
    }
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
