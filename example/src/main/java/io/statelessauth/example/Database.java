package io.statelessauth.example;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The JDBC database holding users and token pairs: creates the schema, lends connections from a
 * small pool, and runs work in or out of a transaction.
 *
 * <p>The SQL is portable between SQLite and PostgreSQL. A {@code jdbc:sqlite:} database is opened
 * with foreign keys on, write-ahead logging so readers and the writer do not block each other, a
 * busy timeout so writers wait for each other instead of failing, and {@code BEGIN IMMEDIATE}
 * transactions so that a transaction that reads and then writes cannot deadlock with another.
 */
final class Database implements AutoCloseable {

  private static final List<String> SCHEMA = List.of(
      """
      CREATE TABLE IF NOT EXISTS users (
        username TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL
      )""",
      """
      CREATE TABLE IF NOT EXISTS token_pairs (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        access_hash TEXT NOT NULL,
        refresh_hash TEXT NOT NULL,
        access_expires_at BIGINT NOT NULL,
        refresh_expires_at BIGINT NOT NULL
      )""",
      "CREATE UNIQUE INDEX IF NOT EXISTS token_pairs_access_hash ON token_pairs (access_hash)",
      "CREATE UNIQUE INDEX IF NOT EXISTS token_pairs_refresh_hash ON token_pairs (refresh_hash)",
      "CREATE INDEX IF NOT EXISTS token_pairs_username ON token_pairs (username)");

  private static final long BORROW_TIMEOUT_SECONDS = 30;

  private final String url;
  private final Properties properties;
  private final Semaphore permits;
  private final BlockingQueue<Connection> idle;
  private volatile boolean closed;

  private Database(String url, int maxConnections) {
    this.url = url;
    this.properties = url.startsWith("jdbc:sqlite:") ? sqliteProperties() : new Properties();
    this.permits = new Semaphore(maxConnections);
    this.idle = new ArrayBlockingQueue<>(maxConnections);
  }

  /**
   * Opens the database at {@code url} with at most {@code maxConnections} connections, creating
   * the tables and indexes that do not exist yet.
   */
  static Database open(String url, int maxConnections) throws SQLException {
    Database database = new Database(url, maxConnections);
    try {
      database.transaction(connection -> {
        try (Statement statement = connection.createStatement()) {
          for (String sql : SCHEMA) {
            statement.execute(sql);
          }
        }
        return null;
      });
    } catch (DatabaseException e) {
      database.close();
      throw e.getCause();
    }
    return database;
  }

  private static Properties sqliteProperties() {
    Properties properties = new Properties();
    properties.setProperty("foreign_keys", "true");
    properties.setProperty("journal_mode", "WAL");
    properties.setProperty("synchronous", "NORMAL");
    properties.setProperty("busy_timeout", "10000");
    properties.setProperty("transaction_mode", "IMMEDIATE");
    return properties;
  }

  /** Runs {@code work} on a connection in auto-commit mode: each statement commits on its own. */
  <R> R run(SqlWork<R> work) {
    return withConnection(work);
  }

  /** Runs {@code work} as one transaction: committed when it returns, rolled back when it throws. */
  <R> R transaction(SqlWork<R> work) {
    return withConnection(connection -> {
      connection.setAutoCommit(false);
      try {
        R result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    });
  }

  private <R> R withConnection(SqlWork<R> work) {
    Connection connection = borrow();
    boolean reusable = true;
    try {
      return work.run(connection);
    } catch (SQLException e) {
      reusable = isValid(connection);
      throw new DatabaseException(e);
    } finally {
      giveBack(connection, reusable);
    }
  }

  private Connection borrow() {
    try {
      if (!permits.tryAcquire(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new DatabaseException(new SQLException(
            "No database connection free after " + BORROW_TIMEOUT_SECONDS + " s"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabaseException(new SQLException("Interrupted waiting for a connection", e));
    }
    Connection connection = idle.poll();
    if (connection != null) {
      return connection;
    }
    try {
      return DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      permits.release();
      throw new DatabaseException(e);
    }
  }

  private void giveBack(Connection connection, boolean reusable) {
    if (!reusable || closed || !idle.offer(connection)) {
      closeQuietly(connection);
    }
    permits.release();
  }

  private static boolean isValid(Connection connection) {
    try {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // the connection is being dropped either way
    }
  }

  /** Closes every idle connection; connections still lent out are closed when given back. */
  @Override
  public void close() {
    closed = true;
    for (Connection connection; (connection = idle.poll()) != null; ) {
      closeQuietly(connection);
    }
  }

  /** Work done with a JDBC connection. */
  @FunctionalInterface
  interface SqlWork<R> {
    /** Does the work; the connection belongs to the {@link Database} and must not be closed. */
    R run(Connection connection) throws SQLException;
  }

  /** A failed database call, unchecked so that it can cross the loaders and handlers. */
  static final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseException(SQLException cause) {
      super(cause.getMessage(), cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }
}
