package io.statelessauth.example;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The JDBC database holding users and token pairs: creates the schema, and runs work on a pooled
 * connection, in or out of a transaction.
 *
 * <p>The SQL is portable between SQLite and PostgreSQL. A {@code jdbc:sqlite:} database is put in
 * write-ahead-log mode so readers and the writer do not block each other, and its connections get
 * foreign keys, a busy timeout (writers wait for each other instead of failing) and {@code BEGIN
 * IMMEDIATE} transactions (a transaction that reads and then writes cannot deadlock with another).
 * Only the first connection may create the file: later ones fail while it is missing rather than
 * start an empty database.
 *
 * <p>A failure that says the database cannot serve now (locked past the busy timeout, read-only,
 * unreachable; see {@link SqlFailures}) is thrown as {@link DatabaseUnavailable}, answered 503,
 * logged once a minute at most; it retires every idle connection, so that the service resumes by
 * itself when the database is back. Any other failure is a {@link DatabaseException}, answered 500.
 * A connection whose work failed is closed, never reused: closing rolls back what it left open.
 *
 * <p>It also holds the {@link RevocationChannel} through which the instances sharing the database
 * tell each other of revoked tokens: PostgreSQL notifications, or on SQLite a log table (created
 * with the schema) that each instance polls.
 */
final class Database implements AutoCloseable {

  private static final List<String> TABLES = List.of(
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
      """
      CREATE TABLE IF NOT EXISTS consumed_refresh_tokens (
        refresh_hash TEXT PRIMARY KEY,
        family_id TEXT NOT NULL,
        username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        expires_at BIGINT NOT NULL
      )""",
      """
      CREATE TABLE IF NOT EXISTS user_roles (
        username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        role TEXT NOT NULL,
        PRIMARY KEY (username, role)
      )""");

  /**
   * Columns added after the first release, with what existing rows get: every pair made before
   * families existed is a family of its own, and its session ends with its refresh token.
   */
  private static final List<AddedColumn> ADDED_COLUMNS = List.of(
      new AddedColumn("token_pairs", "family_id", "TEXT", "id"),
      new AddedColumn("token_pairs", "session_expires_at", "BIGINT", "refresh_expires_at"));

  private static final List<String> INDEXES = List.of(
      "CREATE UNIQUE INDEX IF NOT EXISTS token_pairs_access_hash ON token_pairs (access_hash)",
      "CREATE UNIQUE INDEX IF NOT EXISTS token_pairs_refresh_hash ON token_pairs (refresh_hash)",
      "CREATE INDEX IF NOT EXISTS token_pairs_username ON token_pairs (username)",
      "CREATE INDEX IF NOT EXISTS token_pairs_family_id ON token_pairs (family_id)",
      "CREATE INDEX IF NOT EXISTS consumed_refresh_tokens_username"
          + " ON consumed_refresh_tokens (username)");

  /** SQLITE_OPEN_READWRITE without SQLITE_OPEN_CREATE. */
  private static final String OPEN_EXISTING = "2";

  /**
   * The PostgreSQL advisory lock that instances starting together take in turn to create the
   * schema; without it, two {@code CREATE TABLE IF NOT EXISTS} of one table at once fail with a
   * duplicate key in PostgreSQL's own catalog. The value is arbitrary, and the same for every
   * instance.
   */
  private static final long SCHEMA_LOCK = 0x5374_6c41_7574_6831L;

  /** How long an instance waits before it tries again to switch a new file to WAL mode. */
  private static final Duration WAL_SWITCH_RETRY = Duration.ofMillis(5);

  private final ConnectionPool pool;
  private final boolean sqlite;
  private final OutageLog outages;
  private final RevocationChannel revocationChannel;

  private Database(ConnectionPool pool, boolean sqlite, OutageLog outages,
      RevocationChannel revocationChannel) {
    this.pool = pool;
    this.sqlite = sqlite;
    this.outages = outages;
    this.revocationChannel = revocationChannel;
  }

  /**
   * Opens the database at {@code url} with at most {@code maxConnections} connections, creating
   * the file (readable by its owner only), tables, columns and indexes that do not exist yet.
   *
   * @param password the password to log in with, or {@code null}; never used for SQLite
   * @param busyTimeout how long a SQLite write waits for another writer's lock
   * @param clock paces the outage log
   * @throws SQLException when the database cannot be opened or the schema cannot be created
   */
  static Database open(
      String url, String password, int maxConnections, Duration busyTimeout, Clock clock)
      throws SQLException {
    boolean sqlite = url.startsWith("jdbc:sqlite:");
    Properties properties = connectionProperties(url, password, busyTimeout);
    if (sqlite) {
      DatabaseFile.of(url).createForOwnerOnly();
    }
    createSchema(url, properties, sqlite, busyTimeout);
    if (sqlite) {
      properties.setProperty("open_mode", OPEN_EXISTING);
    }
    Properties dedicated = new Properties();
    dedicated.putAll(properties);
    RevocationChannel channel;
    if (sqlite) {
      channel = new SqliteRevocations(
          () -> DriverManager.getConnection(url, dedicated), DatabaseFile.of(url));
    } else {
      dedicated.setProperty("ApplicationName", PostgresRevocations.APPLICATION_NAME);
      channel = new PostgresRevocations(() -> DriverManager.getConnection(url, dedicated));
    }
    return new Database(new ConnectionPool(url, properties, maxConnections), sqlite,
        new OutageLog(clock), channel);
  }

  /**
   * What every connection to {@code url} is opened with: the password for a server database
   * (never for SQLite, which has none), or SQLite's foreign keys, busy timeout and immediate
   * transactions.
   */
  static Properties connectionProperties(String url, String password, Duration busyTimeout) {
    Properties properties = new Properties();
    if (!url.startsWith("jdbc:sqlite:")) {
      if (password != null) {
        properties.setProperty("password", password);
      }
      return properties;
    }
    properties.setProperty("foreign_keys", "true");
    properties.setProperty("synchronous", "NORMAL");
    properties.setProperty("busy_timeout", Long.toString(busyTimeout.toMillis()));
    properties.setProperty("transaction_mode", "IMMEDIATE");
    return properties;
  }

  /**
   * Creates what is missing of the schema in one transaction. On SQLite the transaction begins
   * with the database's write lock ({@code BEGIN IMMEDIATE}), on PostgreSQL with {@link
   * #SCHEMA_LOCK}: instances started at the same moment create the schema one after the other,
   * and each later one finds it made.
   */
  private static void createSchema(
      String url, Properties properties, boolean sqlite, Duration busyTimeout)
      throws SQLException {
    Properties first = new Properties();
    first.putAll(properties);
    if (sqlite) {
      // Kept in the file: every later connection, read-only ones too, reads and writes the log.
      first.setProperty("journal_mode", "WAL");
    }
    try (Connection connection = sqlite
            ? openSwitchingToWal(url, first, busyTimeout)
            : DriverManager.getConnection(url, first);
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      if (!sqlite) {
        try (ResultSet locked = statement.executeQuery(
            "SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")")) {
          locked.next();
        }
      }
      for (String sql : TABLES) {
        statement.execute(sql);
      }
      if (sqlite) {
        for (String sql : SqliteRevocations.SCHEMA) {
          statement.execute(sql);
        }
      }
      for (AddedColumn column : ADDED_COLUMNS) {
        column.addIfMissing(connection, statement);
      }
      for (String sql : INDEXES) {
        statement.execute(sql);
      }
      connection.setAutoCommit(true);
    }
  }

  /**
   * Opens a SQLite connection that switches the file to write-ahead-log mode, trying again while
   * it fails with SQLITE_BUSY, up to {@code busyTimeout}. The switch reads the file's header and
   * then writes it in one transaction; when another instance is switching the same new file,
   * SQLite answers SQLITE_BUSY at once rather than call its busy handler, since waiting while
   * holding a read lock could deadlock. Once a file is switched, the first attempt succeeds.
   */
  private static Connection openSwitchingToWal(
      String url, Properties properties, Duration busyTimeout) throws SQLException {
    long deadline = System.nanoTime() + busyTimeout.toNanos();
    while (true) {
      try {
        return DriverManager.getConnection(url, properties);
      } catch (SQLException e) {
        if (!SqlFailures.sqliteBusy(e) || System.nanoTime() - deadline > 0) {
          throw e;
        }
      }
      try {
        Thread.sleep(WAL_SWITCH_RETRY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while the database file was being switched", e);
      }
    }
  }

  /**
   * A column added to a table after the first release: added when a database made before it
   * lacks it, and filled where it is null from {@code fillFrom}, an expression over the row.
   */
  private record AddedColumn(String table, String name, String type, String fillFrom) {

    void addIfMissing(Connection connection, Statement statement) throws SQLException {
      boolean present;
      try (ResultSet columns = connection.getMetaData().getColumns(null, null, table, name)) {
        present = columns.next();
      }
      if (!present) {
        statement.execute("ALTER TABLE " + table + " ADD COLUMN " + name + " " + type);
      }
      statement.execute(
          "UPDATE " + table + " SET " + name + " = " + fillFrom + " WHERE " + name + " IS NULL");
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode: each statement commits on its own. */
  <R> R run(SqlWork<R> work) {
    return withConnection(work);
  }

  /**
   * Runs {@code work} as one transaction: committed when it returns, rolled back when it throws.
   *
   * <p>It commits by leaving manual-commit mode, which JDBC defines as a commit. The xerial
   * driver's {@code commit()} would also begin the next transaction at once, waiting for the
   * write lock again, and could fail with SQLITE_BUSY after the data was committed: a rotation
   * reported as failed whose new pair is stored, and whose old pair is gone.
   */
  <R> R transaction(SqlWork<R> work) {
    return withConnection(connection -> {
      connection.setAutoCommit(false);
      R result = work.run(connection);
      connection.setAutoCommit(true);
      return result;
    });
  }

  private <R> R withConnection(SqlWork<R> work) {
    ConnectionPool.Lease lease;
    try {
      lease = pool.borrow();
    } catch (SQLException e) {
      throw failure(e);
    }
    boolean succeeded = false;
    try {
      R result = work.run(lease.connection());
      succeeded = true;
      return result;
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      if (succeeded) {
        pool.giveBack(lease);
      } else {
        pool.discard(lease);
      }
    }
  }

  /** How the instances sharing this database tell each other of revoked tokens. */
  RevocationChannel revocationChannel() {
    return revocationChannel;
  }

  /**
   * In a transaction on {@code connection}: locks the row of {@code username} until the
   * transaction ends, so that no token pair can be issued to the user meanwhile; {@code false}
   * when there is no such user. SQLite needs no row lock: its transactions begin with the
   * database's write lock.
   */
  boolean lockUser(Connection connection, String username) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT username FROM users WHERE username = ?" + (sqlite ? "" : " FOR UPDATE"))) {
      select.setString(1, username);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  private RuntimeException failure(SQLException e) {
    if (SqlFailures.unavailable(e, sqlite)) {
      pool.discardIdle();
      outages.failed(e);
      return new DatabaseUnavailable();
    }
    return new DatabaseException(e);
  }

  /** Closes every idle connection; connections still lent out are closed when given back. */
  @Override
  public void close() {
    pool.close();
  }

  /** Opens a connection of its own, outside the pool, for a thread that keeps it. */
  @FunctionalInterface
  interface Connector {
    /** A new connection to the database, opened as the pool's are. */
    Connection connect() throws SQLException;
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
  }
}
