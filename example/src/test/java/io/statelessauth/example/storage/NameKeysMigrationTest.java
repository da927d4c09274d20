package io.statelessauth.example.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.testsupport.TestSettings;
import io.statelessauth.testsupport.LogCapture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 5 on a database whose users registered names that look alike before it: every user
 * keeps their account and name, each collision is reported, and no new look-alike registers.
 */
class NameKeysMigrationTest {

  @TempDir Path folder;

  @Test
  void usersWhoseNamesLookAlikeKeepTheirAccountsTheCollisionsAreLoggedAndNoMoreRegister()
      throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("before-keys.db");
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
        .target("4")
        .load()
        .migrate();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      for (String name : List.of("alice", "Alice", "\u0430lice", "bob")) {
        statement.execute(
            "INSERT INTO users (username, password_hash) VALUES ('" + name + "', 'hash')");
      }
    }

    try (LogCapture log = LogCapture.of(NameKeysMigration.class.getName(), Level.WARNING);
        Database database = TestSettings.database(folder.resolve("before-keys.db"), 2)) {
      UserStore users = new UserStore(database, TestSettings.revocations(database));

      assertEquals(List.of("Alice", "alice", "bob", "\u0430lice"), database.run(
          NameKeysMigrationTest::names), "nobody deleted or renamed");
      String reported = log.text();
      assertTrue(reported.contains("\"Alice\" and \"alice\" look the same"), reported);
      assertTrue(reported.contains("\"Alice\" and \"\u0430lice\" look the same"), reported);
      assertTrue(reported.contains("2 registered names look like an earlier one"), reported);
      assertFalse(users.create("ALICE", "hash"), "a new look-alike is refused");
      assertFalse(users.create("b\u043eb", "hash"), "bob's key was filled in too");
      assertTrue(users.create("carol", "hash"));
      assertTrue(users.find("alice").isPresent());
      assertTrue(users.find("\u0430lice").isPresent());
    }
  }

  private static List<String> names(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT username FROM users ORDER BY username")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }
}
