package io.statelessauth.example.testsupport;

import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.cli.Settings.Limits;
import io.statelessauth.example.revocation.CacheInvalidator;
import io.statelessauth.example.revocation.Revocations;
import io.statelessauth.example.storage.Database;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Settings for a test server: a free loopback port, a SQLite file or a PostgreSQL schema, cheap
 * password hashing.
 */
public final class TestSettings {

  private TestSettings() {}

  /** No throttling, and a hash slot for every client a test runs at once. */
  public static final Limits UNLIMITED = new Limits(64, 0, 0, 0, 0);

  /**
   * The defaults on a free port over the database at {@code databaseUrl}, hashing passwords with
   * 1 000 PBKDF2 iterations instead of 600 000 so that registering many users stays fast, and
   * without the abuse limits, which tests that send many requests from one address would meet.
   */
  public static Settings on(String databaseUrl) {
    return Settings.defaults()
        .withAddress("127.0.0.1", 0)
        .withDatabaseUrl(databaseUrl)
        .withPasswordIterations(1_000)
        .withLimits(UNLIMITED);
  }

  /** As {@link #on}, over the SQLite file {@code database}. */
  public static Settings sqlite(Path database) {
    return on("jdbc:sqlite:" + database);
  }

  /** As {@link #on}, over the PostgreSQL schema {@code database}. */
  public static Settings postgres(PostgresDatabase database) {
    return on(database.url());
  }

  /** Revocations in {@code database} for stores used without a server, hence without a cache. */
  public static Revocations revocations(Database database) {
    return new Revocations(database, new CacheInvalidator());
  }

  /** The SQLite file {@code database} opened as the service opens it, without a server. */
  public static Database database(Path database, int maxConnections) throws SQLException {
    return Database.open("jdbc:sqlite:" + database, null, maxConnections,
        Settings.defaults().busyTimeout(), Clock.systemUTC());
  }
}
