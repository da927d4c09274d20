package io.statelessauth.example.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.example.testsupport.PostgresDatabase;
import io.statelessauth.example.testsupport.TestSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway brings every database to the latest schema: a new one from nothing, one made before
 * Flyway (by example 0.2, or before token families) from the version its tables show, and a
 * PostgreSQL schema whatever another schema of the same database holds.
 */
class SchemaMigrationTest {

  /** The schema as the first release made it, before token families. */
  private static final List<String> BEFORE_FAMILIES = List.of(
      "CREATE TABLE users (username TEXT PRIMARY KEY, password_hash TEXT NOT NULL)",
      """
      CREATE TABLE token_pairs (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        access_hash TEXT NOT NULL,
        refresh_hash TEXT NOT NULL,
        access_expires_at BIGINT NOT NULL,
        refresh_expires_at BIGINT NOT NULL
      )""",
      "CREATE UNIQUE INDEX token_pairs_access_hash ON token_pairs (access_hash)",
      "CREATE UNIQUE INDEX token_pairs_refresh_hash ON token_pairs (refresh_hash)",
      "CREATE INDEX token_pairs_username ON token_pairs (username)",
      "INSERT INTO users VALUES ('ada', 'hash')",
      "INSERT INTO token_pairs VALUES ('pair-1', 'ada', 'a1', 'r1', 100, 200)");

  /** What example 0.2 added to it at start-up, as its own code did. */
  private static final List<String> ADDED_BY_0_2 = List.of(
      """
      CREATE TABLE consumed_refresh_tokens (
        refresh_hash TEXT PRIMARY KEY,
        family_id TEXT NOT NULL,
        username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        expires_at BIGINT NOT NULL
      )""",
      """
      CREATE TABLE user_roles (
        username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        role TEXT NOT NULL,
        PRIMARY KEY (username, role)
      )""",
      "ALTER TABLE token_pairs ADD COLUMN family_id TEXT",
      "ALTER TABLE token_pairs ADD COLUMN session_expires_at BIGINT",
      "UPDATE token_pairs SET family_id = id, session_expires_at = refresh_expires_at",
      "CREATE INDEX token_pairs_family_id ON token_pairs (family_id)",
      "CREATE INDEX consumed_refresh_tokens_username ON consumed_refresh_tokens (username)");

  /** The SQLite revocation log of example 0.2. */
  private static final String REVOCATION_LOG_0_2 = "CREATE TABLE revocation_log ("
      + " id INTEGER PRIMARY KEY AUTOINCREMENT, token_hash TEXT NOT NULL,"
      + " revoked_at BIGINT NOT NULL)";

  @Test
  void aNewSqliteFileGetsEveryMigration(@TempDir Path folder) throws Exception {
    try (Database database = TestSettings.database(folder.resolve("new.db"), 2)) {
      assertEquals(List.of("1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 JDBC", "6 SQL"), database.run(
          SchemaMigrationTest::history));
    }
  }

  @Test
  void aSqliteFileMadeByExample02IsBaselinedAndKeepsItsRows(@TempDir Path folder)
      throws Exception {
    Path file = folder.resolve("made-by-0.2.db");
    List<String> made = new ArrayList<>(BEFORE_FAMILIES);
    made.addAll(ADDED_BY_0_2);
    made.add(REVOCATION_LOG_0_2);
    execute("jdbc:sqlite:" + file, made);

    try (Database database = TestSettings.database(file, 2)) {
      assertEquals(List.of("4 BASELINE", "5 JDBC", "6 SQL"), database.run(SchemaMigrationTest::history));
      assertEquals("pair-1 pair-1 200", database.run(SchemaMigrationTest::onlyPair));
    }
  }

  @Test
  void aSqliteFileMadeBeforeTokenFamiliesGetsThemWithEachPairAFamilyOfItsOwn(
      @TempDir Path folder) throws Exception {
    Path file = folder.resolve("before-families.db");
    execute("jdbc:sqlite:" + file, BEFORE_FAMILIES);

    try (Database database = TestSettings.database(file, 2)) {
      assertEquals(List.of("1 BASELINE", "2 SQL", "3 SQL", "4 SQL", "5 JDBC", "6 SQL"),
          database.run(SchemaMigrationTest::history));
      assertEquals("pair-1 pair-1 200", database.run(SchemaMigrationTest::onlyPair));
    }
  }

  /**
   * The review's case: another schema of the same PostgreSQL database holds {@code
   * token_pairs.family_id}. An instance on a new schema migrates its own, and one on a schema
   * made before token families (the other schema already has them) still gets its upgrade.
   */
  @Test
  void aPostgresSchemaIsMigratedWhateverAnotherSchemaOfTheDatabaseHolds() throws Exception {
    try (PostgresDatabase upToDate = PostgresDatabase.emptySchema();
        PostgresDatabase fresh = PostgresDatabase.emptySchema();
        PostgresDatabase beforeFamilies = PostgresDatabase.emptySchema()) {
      open(upToDate).close();
      execute(beforeFamilies.url(), BEFORE_FAMILIES);

      try (Database database = open(fresh)) {
        assertEquals(List.of("1 SQL", "2 SQL", "3 SQL", "5 JDBC", "6 SQL"),
            database.run(SchemaMigrationTest::history));
        assertEquals(0, (int) database.run(connection -> count(connection, "token_pairs")));
      }
      try (Database database = open(beforeFamilies)) {
        assertEquals(List.of("1 BASELINE", "2 SQL", "3 SQL", "5 JDBC", "6 SQL"),
            database.run(SchemaMigrationTest::history));
        assertEquals("pair-1 pair-1 200", database.run(SchemaMigrationTest::onlyPair));
      }
    }
  }

  private static Database open(PostgresDatabase schema) throws SQLException {
    return Database.open(schema.url(), null, 2, Duration.ofSeconds(10), Clock.systemUTC());
  }

  private static void execute(String url, List<String> statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Flyway's history, oldest first: each row's version and type. */
  private static List<String> history(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT version, type FROM flyway_schema_history"
            + " WHERE success ORDER BY installed_rank")) {
      while (row.next()) {
        rows.add(row.getString(1) + " " + row.getString(2));
      }
    }
    return rows;
  }

  /** The one token pair: its id, family and session end. */
  private static String onlyPair(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, family_id, session_expires_at FROM token_pairs");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getString(1) + " " + row.getString(2) + " " + row.getLong(3);
    }
  }

  private static int count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      row.next();
      return row.getInt(1);
    }
  }
}
