package io.statelessauth.example.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an operator or another program does to the service's SQLite file while it runs: a second
 * writer holding the lock, a backup, a query, a trigger. Each call opens its own plain connection.
 */
public final class SqliteFile {

  private final Path file;

  /** The SQLite database file at {@code file}. */
  public SqliteFile(Path file) {
    this.file = file;
  }

  /** Where the file is. */
  public Path path() {
    return file;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  /** Runs one statement. */
  public void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The number of token pairs {@code username} holds. */
  public long pairsOf(String username) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement select = connection.prepareStatement(
            "SELECT count(*) FROM token_pairs WHERE username = ?")) {
      select.setString(1, username);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /**
   * Holds the write lock, as another writer in a long transaction would, until closed. Readers
   * go on: the file is in write-ahead-log mode.
   */
  public AutoCloseable writeLock() throws SQLException {
    Connection connection = connect();
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection::close;
  }

  /**
   * Makes every change to a token pair fail (a trigger raising an error) until closed: the way
   * to fail the second statement of a transaction whose first one succeeded.
   */
  public AutoCloseable failChangesToTokenPairs(String event) throws SQLException {
    execute("CREATE TRIGGER injected_fault " + event + " ON token_pairs"
        + " BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
    return () -> execute("DROP TRIGGER injected_fault");
  }

  /** A consistent copy of the database, in write-ahead-log mode like the service's own file. */
  public Path backUpTo(Path copy) throws SQLException {
    execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
    new SqliteFile(copy).execute("PRAGMA journal_mode=WAL");
    return copy;
  }

  /**
   * Puts {@code backup} in the file's place, as a restore does: the write-ahead log and index of
   * the replaced file are deleted first (SQLite would replay that log into the restored file).
   */
  public void restore(Path backup) throws IOException {
    Files.deleteIfExists(Path.of(file + "-wal"));
    Files.deleteIfExists(Path.of(file + "-shm"));
    Files.move(backup, file, StandardCopyOption.REPLACE_EXISTING);
  }
}
