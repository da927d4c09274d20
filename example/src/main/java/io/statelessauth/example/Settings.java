package io.statelessauth.example;

import io.statelessauth.StatelessAuthConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the service needs to start: where it listens, which database it uses, how long
 * tokens live, how hard passwords are hashed, and the library's own configuration.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param databaseUrl the JDBC URL of the database holding users and tokens
 * @param accessTokenLifetime how long an access token is accepted after it was issued
 * @param refreshTokenLifetime how long a refresh token is accepted after it was issued
 * @param passwordIterations the PBKDF2 iteration count for new password hashes
 * @param workerThreads the number of threads that handle requests (and database connections)
 * @param busyTimeout how long a SQLite write waits for another writer's lock before the request
 *     answers 503
 * @param authConfig the stateless-auth configuration (header, scheme, token type, realm)
 * @param demo whether to run the scripted demo instead of serving
 */
record Settings(
    String host,
    int port,
    String databaseUrl,
    Duration accessTokenLifetime,
    Duration refreshTokenLifetime,
    int passwordIterations,
    int workerThreads,
    Duration busyTimeout,
    StatelessAuthConfig authConfig,
    boolean demo) {

  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; the service never accepts fewer. */
  static final int MIN_PASSWORD_ITERATIONS = 210_000;

  Settings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
    Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
    Objects.requireNonNull(busyTimeout, "busyTimeout");
    Objects.requireNonNull(authConfig, "authConfig");
  }

  /** The settings used when no flag is given. */
  static Settings defaults() {
    return new Settings(
        "127.0.0.1",
        8080,
        "jdbc:sqlite:stateless-auth-example.db",
        Duration.ofHours(1),
        Duration.ofDays(365),
        MIN_PASSWORD_ITERATIONS,
        16,
        Duration.ofSeconds(10),
        StatelessAuthConfig.defaults(),
        false);
  }

  /** A copy listening on {@code host}:{@code port}. */
  Settings withAddress(String host, int port) {
    return new Settings(host, port, databaseUrl, accessTokenLifetime, refreshTokenLifetime,
        passwordIterations, workerThreads, busyTimeout, authConfig, demo);
  }

  /** A copy using the database at {@code databaseUrl}. */
  Settings withDatabaseUrl(String databaseUrl) {
    return new Settings(host, port, databaseUrl, accessTokenLifetime, refreshTokenLifetime,
        passwordIterations, workerThreads, busyTimeout, authConfig, demo);
  }

  /** A copy with these token lifetimes. */
  Settings withTokenLifetimes(Duration access, Duration refresh) {
    return new Settings(host, port, databaseUrl, access, refresh,
        passwordIterations, workerThreads, busyTimeout, authConfig, demo);
  }

  /** A copy hashing passwords with {@code iterations} (tests use fewer to stay fast). */
  Settings withPasswordIterations(int iterations) {
    return new Settings(host, port, databaseUrl, accessTokenLifetime, refreshTokenLifetime,
        iterations, workerThreads, busyTimeout, authConfig, demo);
  }

  /** A copy with {@code threads} request threads. */
  Settings withWorkerThreads(int threads) {
    return new Settings(host, port, databaseUrl, accessTokenLifetime, refreshTokenLifetime,
        passwordIterations, threads, busyTimeout, authConfig, demo);
  }

  /** A copy whose SQLite writes wait at most {@code timeout} for another writer's lock. */
  Settings withBusyTimeout(Duration timeout) {
    return new Settings(host, port, databaseUrl, accessTokenLifetime, refreshTokenLifetime,
        passwordIterations, workerThreads, timeout, authConfig, demo);
  }

  /** A copy with this stateless-auth configuration. */
  Settings withAuthConfig(StatelessAuthConfig config) {
    return new Settings(host, port, databaseUrl, accessTokenLifetime, refreshTokenLifetime,
        passwordIterations, workerThreads, busyTimeout, config, demo);
  }

  /** A copy that runs the demo ({@code true}) or serves ({@code false}). */
  Settings withDemo(boolean demo) {
    return new Settings(host, port, databaseUrl, accessTokenLifetime, refreshTokenLifetime,
        passwordIterations, workerThreads, busyTimeout, authConfig, demo);
  }
}
