package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.storage.Database;
import io.statelessauth.example.testsupport.PostgresDatabase;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances started at the same moment on a database that has no schema yet all start, and all
 * serve one another's users: they migrate it one after the other (Flyway's lock on PostgreSQL,
 * SQLite's write lock taken by each migration's {@code BEGIN IMMEDIATE}), instead of racing on it.
 */
class ConcurrentStartTest {

  private static final int INSTANCES = 6;
  private static final String PASSWORD = "correct horse battery staple";

  @Test
  @EnabledIf("io.statelessauth.example.testsupport.PostgresDatabase#availableOrRequired")
  void sixInstancesStartedTogetherOnAnEmptyPostgresSchemaAllServe() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.emptySchema()) {
      startTogetherAndServe(TestSettings.postgres(database));
    }
  }

  @Test
  void sixInstancesStartedTogetherOnAMissingSqliteFileAllServe(@TempDir Path folder)
      throws Exception {
    startTogetherAndServe(TestSettings.sqlite(folder.resolve("new.db")));
  }

  /**
   * Switching a new file to WAL mode reads its header and then writes it; while another
   * connection writes, SQLite answers that switch SQLITE_BUSY at once instead of waiting, which is
   * how one of six instances started together failed. The start waits for the writer instead.
   */
  @Test
  void anInstanceOpeningANewSqliteFileThatAnotherWritesWaitsForIt(@TempDir Path folder)
      throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("new.db");
    ExecutorService opener = Executors.newSingleThreadExecutor();
    try (Connection writer = DriverManager.getConnection(url);
        Statement statement = writer.createStatement()) {
      writer.setAutoCommit(false);
      statement.execute("CREATE TABLE written_by_another (id INTEGER)");
      Future<Database> opening = opener.submit(() ->
          Database.open(url, null, 2, Duration.ofSeconds(30), Clock.systemUTC()));

      assertThrows(TimeoutException.class, () -> opening.get(300, TimeUnit.MILLISECONDS),
          "the open waits while the other connection holds the write lock");
      writer.commit();
      try (Database database = opening.get(30, TimeUnit.SECONDS)) {
        assertEquals(0, (int) database.run(ConcurrentStartTest::countUsers));
      }
    } finally {
      opener.shutdownNow();
    }
  }

  private static int countUsers(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM users")) {
      count.next();
      return count.getInt(1);
    }
  }

  private static void startTogetherAndServe(Settings settings) throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(INSTANCES);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ExampleServer>> starting = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      starting.add(starters.submit(() -> {
        go.await();
        return ExampleServer.start(settings);
      }));
    }
    go.countDown();
    List<ExampleServer> servers = new ArrayList<>();
    try {
      List<Exception> failures = new ArrayList<>();
      for (Future<ExampleServer> server : starting) {
        try {
          servers.add(server.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
          failures.add(e);
        }
      }
      assertEquals(List.of(), failures, "instances that did not start");

      List<ServiceClient> clients = new ArrayList<>();
      for (ExampleServer server : servers) {
        clients.add(new ServiceClient(server.uri()));
      }
      for (int i = 0; i < INSTANCES; i++) {
        ServiceClient client = clients.get(i);
        assertEquals(200, client.send("GET", "/", null, null).status());
        assertEquals(201, client.register("user" + i, PASSWORD).status());
      }
      for (int i = 0; i < INSTANCES; i++) {
        Pair pair = clients.get(i).login("user" + i, PASSWORD);
        ServiceClient next = clients.get((i + 1) % INSTANCES);
        assertEquals("hello user" + i, next.bearer("GET", "/", pair.access()).body());
      }
    } finally {
      for (ExampleServer server : servers) {
        server.close();
      }
      starters.shutdown();
    }
  }
}
