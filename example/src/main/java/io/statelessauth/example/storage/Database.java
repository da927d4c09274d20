package io.statelessauth.example.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.statelessauth.example.revocation.PostgresRevocations;
import io.statelessauth.example.revocation.RevocationChannel;
import io.statelessauth.example.revocation.SqliteRevocations;
import io.statelessauth.example.routes.ApiError;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The JDBC database holding users and token pairs: brings its schema up to date, and runs work on
 * a pooled connection, in or out of a transaction.
 *
 * <p>The parts are well-kept libraries: HikariCP pools the connections, Flyway creates and
 * upgrades the schema from the SQL migrations under {@code db/migration} (its lock, or SQLite's
 * write lock, lets instances started together on an empty database migrate it one after the
 * other), and the JDBC drivers bound every wait: see {@link #connectionProperties}. What no
 * library does stays here, thin: the SQLite file's identity ({@link DatabaseFile}), the outage
 * log ({@link OutageLog}), and the baseline of a database made before Flyway ({@link
 * LegacySchema}).
 *
 * <p>The SQL is portable between SQLite and PostgreSQL. A {@code jdbc:sqlite:} database is put in
 * write-ahead-log mode so readers and the writer do not block each other, and its connections get
 * foreign keys, a busy timeout (writers wait for each other instead of failing) and {@code BEGIN
 * IMMEDIATE} transactions (a transaction that reads and then writes cannot deadlock with another).
 * The file is created before the first connection, readable by its owner only; connections never
 * create it, so one opened after the file was deleted fails rather than start an empty database.
 *
 * <p>A failure that says the database cannot serve now (locked past the busy timeout, read-only,
 * unreachable, past a timeout; see {@link SqlFailures}) is thrown as {@link DatabaseUnavailable},
 * answered 503, logged once a minute at most; it retires every pooled connection, so that the
 * service resumes by itself when the database is back. A statement refused for its data
 * (SQLState class 22) is an {@link ApiError} 400, and its connection goes back to the pool. Any
 * other failure is a {@link DatabaseException}, answered 500. A connection whose work failed
 * otherwise is closed, never reused: closing rolls back what it left open.
 *
 * <p>It also holds the {@link RevocationChannel} through which the instances sharing the database
 * tell each other of revoked tokens: PostgreSQL notifications, or on SQLite a log table (created
 * by the migrations) that each instance polls.
 */
public final class Database implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Database.class.getName());

  /** SQLITE_OPEN_READWRITE without SQLITE_OPEN_CREATE. */
  private static final String OPEN_EXISTING = "2";

  /** The time a PostgreSQL socket read waits beyond the statement timeout, for the server's answer. */
  public static final Duration SOCKET_MARGIN = Duration.ofSeconds(2);

  /** What {@link #open(String, String, int, Duration, Clock)} bounds each wait on the database with. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  private final HikariDataSource pool;
  private final DatabaseFile file;
  private final boolean sqlite;
  private final OutageLog outages;
  private final RevocationChannel revocationChannel;
  /** The identity of the file the pooled connections were opened on. */
  private final AtomicReference<Object> pooledFile;

  private Database(HikariDataSource pool, DatabaseFile file, boolean sqlite, OutageLog outages,
      RevocationChannel revocationChannel) throws SQLException {
    this.pool = pool;
    this.file = file;
    this.sqlite = sqlite;
    this.outages = outages;
    this.revocationChannel = revocationChannel;
    this.pooledFile = new AtomicReference<>(file.identity());
  }

  /** {@link #open(String, String, int, Duration, Duration, Clock)} with the {@link #DEFAULT_TIMEOUT}. */
  public static Database open(
      String url, String password, int maxConnections, Duration busyTimeout, Clock clock)
      throws SQLException {
    return open(url, password, maxConnections, busyTimeout, DEFAULT_TIMEOUT, clock);
  }

  /**
   * Opens the database at {@code url} with at most {@code maxConnections} pooled connections,
   * creating the SQLite file (readable by its owner only) when it does not exist yet, and brings
   * its schema up to date.
   *
   * @param password the password to log in with, or {@code null}; never used for SQLite
   * @param busyTimeout how long a SQLite write waits for another writer's lock
   * @param timeout how long a thread waits for a free connection, to connect, and for a statement
   *     on a database server ({@link #connectionProperties})
   * @param clock paces the outage log
   * @throws SQLException when the database cannot be opened or its schema brought up to date
   */
  public static Database open(String url, String password, int maxConnections,
      Duration busyTimeout, Duration timeout, Clock clock) throws SQLException {
    boolean sqlite = url.startsWith("jdbc:sqlite:");
    DatabaseFile file = DatabaseFile.of(url);
    file.createForOwnerOnly();
    Properties properties = connectionProperties(url, password, busyTimeout, timeout);
    HikariDataSource pool = pool(url, properties, maxConnections, sqlite ? busyTimeout : timeout);
    try {
      migrate(pool, sqlite);
      RevocationChannel channel;
      Properties dedicated = new Properties();
      dedicated.putAll(properties);
      if (sqlite) {
        channel = new SqliteRevocations(() -> DriverManager.getConnection(url, dedicated), file);
      } else {
        dedicated.setProperty("ApplicationName", PostgresRevocations.APPLICATION_NAME);
        channel = new PostgresRevocations(() -> DriverManager.getConnection(url, dedicated));
      }
      return new Database(pool, file, sqlite, new OutageLog(clock), channel);
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * What every connection to {@code url} is opened with. For a database server: the password,
   * and PostgreSQL's {@code connectTimeout} and {@code loginTimeout} of {@code timeout}, a
   * {@code statement_timeout} of {@code timeout} (the server cancels the statement, which
   * answers 503) and a {@code socketTimeout} {@link #SOCKET_MARGIN} longer (for a server that
   * stopped answering altogether). Values the URL sets itself win. For SQLite: write-ahead-log
   * mode, foreign keys, the busy timeout and immediate transactions, and never the password.
   */
  public static Properties connectionProperties(
      String url, String password, Duration busyTimeout, Duration timeout) {
    Properties properties = new Properties();
    if (url.startsWith("jdbc:sqlite:")) {
      properties.setProperty("journal_mode", "WAL");
      properties.setProperty("foreign_keys", "true");
      properties.setProperty("synchronous", "NORMAL");
      properties.setProperty("busy_timeout", Long.toString(busyTimeout.toMillis()));
      properties.setProperty("transaction_mode", "IMMEDIATE");
      if (DatabaseFile.of(url).isPlainFile()) {
        properties.setProperty("open_mode", OPEN_EXISTING);
      }
      return properties;
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      String seconds = Long.toString(wholeSeconds(timeout));
      properties.setProperty("connectTimeout", seconds);
      properties.setProperty("loginTimeout", seconds);
      properties.setProperty("socketTimeout",
          Long.toString(wholeSeconds(timeout.plus(SOCKET_MARGIN))));
      properties.setProperty("options", "-c statement_timeout=" + timeout.toMillis());
    }
    return properties;
  }

  private static long wholeSeconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1_000);
  }

  /**
   * The connection pool. A thread waits at most {@code borrowTimeout} for a connection, checked
   * alive within that time (on SQLite the busy timeout, since a connection being opened may wait
   * for the write lock to switch a new file to WAL mode, and HikariCP tries again until then); the
   * pool opens connections as they are needed, keeping two
   * idle at least, so that instances sharing a PostgreSQL server do not each hold {@code
   * maxConnections} open. The first connection is opened at once, retried for as long, so that a
   * database that cannot be reached fails the start.
   */
  private static HikariDataSource pool(
      String url, Properties properties, int maxConnections, Duration borrowTimeout) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("stateless-auth");
    config.setJdbcUrl(url);
    config.setDataSourceProperties(properties);
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(Math.min(2, maxConnections));
    long millis = Math.max(250, borrowTimeout.toMillis());
    config.setConnectionTimeout(millis);
    config.setValidationTimeout(millis);
    config.setInitializationFailTimeout(millis);
    return new HikariDataSource(config);
  }

  /**
   * Brings the schema up to date with Flyway: on SQLite, the migrations for every database and
   * the SQLite ones; on a server, those for every database. A database made before Flyway kept
   * it is baselined at the version its tables show ({@link LegacySchema}).
   */
  private static void migrate(HikariDataSource pool, boolean sqlite) throws SQLException {
    String baseline;
    try (Connection connection = pool.getConnection()) {
      baseline = LegacySchema.version(connection);
    }
    List<String> locations = new ArrayList<>(List.of("classpath:db/migration/common"));
    if (sqlite) {
      locations.add("classpath:db/migration/sqlite");
    }
    Flyway flyway = Flyway.configure()
        .dataSource(pool)
        .locations(locations.toArray(String[]::new))
        .baselineOnMigrate(true)
        .baselineVersion(baseline)
        .baselineDescription(LegacySchema.DESCRIPTION)
        .javaMigrations(new NameKeysMigration())
        .load();
    MigrateResult result;
    try {
      result = flyway.migrate();
    } catch (FlywayException e) {
      // Flyway looks for its history table, then at whether the schema is empty, before it takes
      // its lock: another instance that made the table and applied a migration in between makes
      // this one try to baseline a migrated schema. Once the table exists, a second try is exact.
      result = flyway.migrate();
    }
    if (result.migrationsExecuted > 0) {
      LOG.log(Level.INFO, "Database schema migrated from version "
          + Objects.requireNonNullElse(result.initialSchemaVersion, "none") + " to "
          + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations)");
    }
  }

  /** The connection pool, for its metrics (HikariCP's {@code setMetricsTrackerFactory}). */
  public HikariDataSource dataSource() {
    return pool;
  }

  /** Runs {@code work} on a connection in auto-commit mode: each statement commits on its own. */
  public <R> R run(SqlWork<R> work) {
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
  public <R> R transaction(SqlWork<R> work) {
    return withConnection(connection -> {
      connection.setAutoCommit(false);
      R result = work.run(connection);
      connection.setAutoCommit(true);
      return result;
    });
  }

  private <R> R withConnection(SqlWork<R> work) {
    Connection connection;
    try {
      connection = borrow();
    } catch (SQLException e) {
      throw failure(e);
    }
    boolean succeeded = false;
    try {
      R result = work.run(connection);
      succeeded = true;
      return result;
    } catch (SQLException e) {
      if (SqlFailures.invalidData(e)) {
        // The request's data, not the connection: given back (the pool rolls back what is open).
        succeeded = true;
        throw ApiError.badRequest("The request holds a value the database cannot store");
      }
      throw failure(e);
    } finally {
      if (succeeded) {
        closeQuietly(connection);
      } else {
        // Closed by the pool, never lent again; closing rolls back what the work left open.
        pool.evictConnection(connection);
      }
    }
  }

  /**
   * A pooled connection to the database file as it is now: when another file is at the path (a
   * restored backup), every connection opened on the old one is retired first.
   *
   * @throws SQLException when no connection is free in time, the file is missing, or connecting
   *     fails
   */
  private Connection borrow() throws SQLException {
    Object current = file.identity();
    Object before = pooledFile.get();
    if (!current.equals(before) && pooledFile.compareAndSet(before, current)) {
      pool.getHikariPoolMXBean().softEvictConnections();
    }
    return pool.getConnection();
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // the pool drops it either way
    }
  }

  /** How the instances sharing this database tell each other of revoked tokens. */
  public RevocationChannel revocationChannel() {
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
      pool.getHikariPoolMXBean().softEvictConnections();
      outages.failed(e);
      return new DatabaseUnavailable();
    }
    return new DatabaseException(e);
  }

  /** Closes the pool: idle connections at once, those still lent out when given back. */
  @Override
  public void close() {
    pool.close();
  }

  /** Opens a connection of its own, outside the pool, for a thread that keeps it. */
  @FunctionalInterface
  public interface Connector {
    /** A new connection to the database, opened as the pool's are. */
    Connection connect() throws SQLException;
  }

  /** Work done with a JDBC connection. */
  @FunctionalInterface
  public interface SqlWork<R> {
    /** Does the work; the connection belongs to the {@link Database} and must not be closed. */
    R run(Connection connection) throws SQLException;
  }

  /** A failed database call, unchecked so that it can cross the loaders and handlers. */
  public static final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
