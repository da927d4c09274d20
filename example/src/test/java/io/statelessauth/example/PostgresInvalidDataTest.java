package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.routes.ApiError;
import io.statelessauth.example.storage.Database;
import io.statelessauth.example.testsupport.PostgresDatabase;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.TestSettings;
import io.statelessauth.testsupport.LogCapture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A NUL in a name on PostgreSQL, which refuses it with an error: every
 * route that takes a name refuses it before the database, without a log line and without a new
 * database session; and a statement PostgreSQL still refuses for its data answers 400 and keeps
 * its pooled connection.
 */
@EnabledIf("io.statelessauth.example.testsupport.PostgresDatabase#availableOrRequired")
class PostgresInvalidDataTest {

  private static final String PASSWORD = "correct horse battery staple";

  @Test
  void aNulInANameIsRefusedBeforeTheDatabaseWithoutLogsOrNewSessions() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.emptySchema();
        ExampleServer server = ExampleServer.start(TestSettings.postgres(database));
        LogCapture log = LogCapture.everything(Level.WARNING)) {
      ServiceClient client = new ServiceClient(server.uri());
      assertEquals(201, client.register("alice", PASSWORD).status());
      long sessions = sessions(database);

      for (int i = 0; i < 100; i++) {
        assertEquals(401, client.createToken("a\u0000lice", PASSWORD).status());
      }
      assertEquals(400, client.register("b\u0000b", PASSWORD).status());

      assertEquals("", log.text(), "nothing logged");
      assertTrue(sessions(database) - sessions <= 2,
          "no new database session per request: " + (sessions(database) - sessions));
    }
  }

  @Test
  void aStatementRefusedForItsDataIs400AndKeepsItsConnection() throws Exception {
    try (PostgresDatabase schema = PostgresDatabase.emptySchema()) {
      Database database = Database.open(schema.url(), null, 2,
          Settings.defaults().busyTimeout(), Clock.systemUTC());
      try {
        database.run(connection -> 1);
        long sessions = sessions(schema);

        for (int i = 0; i < 20; i++) {
          ApiError refused = assertThrows(ApiError.class, () -> database.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT ?")) {
              select.setString(1, "a\u0000b");
              select.executeQuery().close();
            }
            return null;
          }));
          assertEquals(400, refused.status());
        }
        ApiError inTransaction = assertThrows(ApiError.class, () -> database.transaction(c -> {
          try (PreparedStatement select = c.prepareStatement("SELECT CAST(? AS INTEGER)")) {
            select.setString(1, "not a number");
            select.executeQuery().close();
          }
          return null;
        }));
        assertEquals(400, inTransaction.status());

        assertEquals(1, (int) database.run(connection -> 1), "the connection still serves");
        assertTrue(sessions(schema) - sessions <= 1,
            "the pooled connections were kept: " + (sessions(schema) - sessions) + " new");
      } finally {
        database.close();
      }
    }
  }

  /** How many sessions the server has opened to the test's database so far. */
  private static long sessions(PostgresDatabase database) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement select = connection.prepareStatement(
            "SELECT sessions FROM pg_stat_database WHERE datname = current_database()");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
