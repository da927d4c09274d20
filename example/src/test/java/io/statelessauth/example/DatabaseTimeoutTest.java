package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.storage.Database;
import io.statelessauth.example.testsupport.PostgresDatabase;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.TestSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A database that stops answering costs a request a bounded time, not a thread forever: the
 * request answers 503 with {@code Retry-After}, as outages do, and so does every request that
 * waits for the same token's load, since it waits for the loading request.
 */
class DatabaseTimeoutTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  /**
   * What a request may take beyond {@link #TIMEOUT}: the server's cancellation, the error's way
   * back, and a loaded machine. Far below the minutes a wait without a timeout would last.
   */
  private static final Duration MARGIN = Duration.ofSeconds(3);
  private static final int WAITERS = 8;
  private static final String PASSWORD = "correct horse battery staple";

  /**
   * Another transaction holds the token table locked: the first request for a token loads it and
   * waits; seven more for the same token wait for that load, not for the table (PostgreSQL sees
   * one waiting statement). The statement timeout ends the load, and every one of them answers
   * 503 with {@code Retry-After} within the timeout and {@link #MARGIN}.
   */
  @Test
  void aLockedTokenTableAnswers503ToTheLoadAndToEveryRequestWaitingForIt() throws Exception {
    try (PostgresDatabase schema = PostgresDatabase.emptySchema();
        ExampleServer server = ExampleServer.start(
            TestSettings.postgres(schema).withDatabaseTimeout(TIMEOUT))) {
      ServiceClient client = new ServiceClient(server.uri());
      assertEquals(201, client.register("ada", PASSWORD).status());
      Pair pair = client.login("ada", PASSWORD);
      ExecutorService requests = Executors.newFixedThreadPool(WAITERS);
      try (Connection locker = schema.connect();
          Statement statement = locker.createStatement()) {
        locker.setAutoCommit(false);
        statement.execute("LOCK TABLE token_pairs IN ACCESS EXCLUSIVE MODE");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Timed>> answers = new ArrayList<>();
        for (int i = 0; i < WAITERS; i++) {
          answers.add(requests.submit(() -> {
            go.await();
            long start = System.nanoTime();
            Response response = client.bearer("GET", "/whoami", pair.access());
            return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
          }));
        }
        go.countDown();
        Thread.sleep(TIMEOUT.toMillis() / 2);
        assertEquals(1, statementsWaitingForALock(schema),
            "one load reads the token table; the other requests wait for it");

        for (Future<Timed> answer : answers) {
          Timed timed = answer.get(TIMEOUT.plus(MARGIN).toSeconds() + 5, TimeUnit.SECONDS);
          assertEquals(503, timed.response().status(), timed.response().body());
          assertEquals("5", timed.response().header("Retry-After"));
          assertTrue(timed.took().compareTo(TIMEOUT.plus(MARGIN)) <= 0,
              "answered after " + timed.took().toMillis() + " ms");
        }
        locker.rollback();
      } finally {
        requests.shutdownNow();
      }
      assertEquals(200, client.bearer("GET", "/whoami", pair.access()).status(),
          "the service answers again once the table is free");
    }
  }

  /**
   * A server that accepts the connection and never answers: opening the database fails after
   * the timeout, with the connection's own timeouts and HikariCP's, rather than hang the start.
   */
  @Test
  void aServerThatNeverAnswersFailsTheOpenAfterTheTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept());
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.start();
      long start = System.nanoTime();

      assertThrows(Exception.class, () -> Database.open(
          "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/auth?user=auth", null, 2,
          Duration.ofSeconds(10), TIMEOUT, Clock.systemUTC()).close());

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(TIMEOUT.plus(MARGIN)) <= 0, "failed after " + took.toMillis()
          + " ms");
      silent.close();
      acceptor.join();
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  private static int statementsWaitingForALock(PostgresDatabase schema) throws SQLException {
    try (Connection connection = schema.connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
            + " WHERE wait_event_type = 'Lock' AND query LIKE '%token_pairs%'"
            + " AND pid <> pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }

  private record Timed(Response response, Duration took) {}
}
