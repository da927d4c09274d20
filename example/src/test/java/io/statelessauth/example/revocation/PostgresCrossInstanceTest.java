package io.statelessauth.example.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.ExampleServer;
import io.statelessauth.example.cli.Settings.AdminChanges;
import io.statelessauth.example.testsupport.Eventually;
import io.statelessauth.example.testsupport.PostgresDatabase;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.TestSettings;
import io.statelessauth.testsupport.LogCapture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The revocation scenarios over PostgreSQL, where two instances hear each other through {@code
 * LISTEN}/{@code NOTIFY}; and what only PostgreSQL lets a test arrange: listening connections
 * killed from the server's side, and a token load held up by a table lock while concurrent
 * requests for the same token arrive.
 */
@EnabledIf("io.statelessauth.example.testsupport.PostgresDatabase#availableOrRequired")
class PostgresCrossInstanceTest extends CrossInstanceRevocationTests {

  private PostgresDatabase database;
  private ExampleServer one;
  private ExampleServer two;
  private ServiceClient toOne;
  private ServiceClient toTwo;

  @BeforeAll
  void start() throws Exception {
    database = PostgresDatabase.emptySchema();
    registerOps(TestSettings.postgres(database));
    one = ExampleServer.start(TestSettings.postgres(database).withAdmins(OPS_IS_ADMIN));
    two = ExampleServer.start(TestSettings.postgres(database).withAdmins(OPS_IS_ADMIN));
    toOne = new ServiceClient(one.uri());
    toTwo = toOne.at(two.uri());
    serving(toOne, toTwo);
  }

  @AfterAll
  void stop() throws Exception {
    if (two != null) {
      two.close();
    }
    if (one != null) {
      one.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Override
  void startAndStopAnotherWith(AdminChanges admins) throws Exception {
    ExampleServer.start(TestSettings.postgres(database).withAdmins(admins)).close();
  }

  @Test
  void listeningConnectionsKilledByTheServerAreOpenedAgainLoggedOnceAndRevocationsFlowAgain()
      throws Exception {
    Pair pair = one().login(OPS, PASSWORD);
    assertEquals(200, toOne.bearer("GET", "/whoami", pair.access()).status());
    assertEquals(200, toTwo.bearer("GET", "/whoami", pair.access()).status());
    try (LogCapture logs = LogCapture.of(Hearing.class.getName(), Level.ALL);
        Connection admin = database.connect()) {
      List<Integer> killed = ListeningSessions.pids(admin);
      assertEquals(2, killed.size(), "one listener per instance");
      ListeningSessions.terminate(admin, killed);

      long deadline = System.nanoTime() + Eventually.PROPAGATION.toNanos();
      List<Integer> back = ListeningSessions.pids(admin);
      while ((back.size() < 2 || back.stream().anyMatch(killed::contains))
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
        back = ListeningSessions.pids(admin);
      }
      assertEquals(2, back.size(), "both listen again");
      assertTrue(back.stream().noneMatch(killed::contains));
      String text = logs.text();
      assertEquals(2, occurrences(text, "Cannot hear revocations"), text);
      long heardAgain = System.nanoTime() + Eventually.PROPAGATION.toNanos();
      while (occurrences(logs.text(), "again after") < 2 && System.nanoTime() < heardAgain) {
        Thread.sleep(20);
      }
      assertEquals(2, occurrences(logs.text(), "again after"), logs.text());
    }

    assertEquals(200, toTwo.bearer("DELETE", "/delete_token", pair.access()).status());
    Eventually.answers(401, () -> toOne.bearer("GET", "/whoami", pair.access()));
  }

  /**
   * A table lock holds up the first load of a token while more requests with it arrive: they wait
   * for that one load, so PostgreSQL sees one statement waiting for the lock, not one per request.
   */
  @Test
  void concurrentRequestsWithOneUncachedTokenLoadItOnce() throws Exception {
    Pair pair = one().login(OPS, PASSWORD);
    long lookupsBefore = cacheCounters(toTwo).get("token_lookups").longValue();
    ExecutorService clients = Executors.newFixedThreadPool(12);
    List<Future<Response>> answers = new ArrayList<>();
    try (Connection locker = database.connect()) {
      locker.setAutoCommit(false);
      try (Statement lock = locker.createStatement()) {
        lock.execute("LOCK TABLE token_pairs IN ACCESS EXCLUSIVE MODE");
      }
      for (int i = 0; i < 12; i++) {
        answers.add(clients.submit(() -> toTwo.bearer("GET", "/whoami", pair.access())));
      }
      long deadline = System.nanoTime() + Eventually.PROPAGATION.toNanos();
      while (waitingForTheLock(locker) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      // Time for the other requests to reach the loader too, were they to load the token again.
      Thread.sleep(500);
      assertEquals(1, waitingForTheLock(locker), "statements waiting for token_pairs");
      locker.commit();
    } finally {
      clients.shutdown();
    }
    for (Future<Response> answer : answers) {
      assertEquals(200, answer.get(30, TimeUnit.SECONDS).status());
    }
    assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(lookupsBefore + 1, cacheCounters(toTwo).get("token_lookups").longValue());
  }

  private static int waitingForTheLock(Connection locker) throws SQLException {
    try (Statement select = locker.createStatement();
        ResultSet row = select.executeQuery("SELECT count(*) FROM pg_locks"
            + " WHERE relation = 'token_pairs'::regclass AND NOT granted")) {
      row.next();
      return row.getInt(1);
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
