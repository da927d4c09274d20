package io.statelessauth.example.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server that {@code EXAMPLE_POSTGRES_URL} names (such as {@code
 * jdbc:postgresql://localhost/auth?user=auth&password=secret}; {@code .ci/postgres.sh} starts
 * one), with a schema of its own for each test class, created empty and dropped afterwards.
 * Without the variable the PostgreSQL tests are skipped, unless {@code CI=true}: there they fail
 * ({@link NoSkipsUnderCi}).
 */
public final class PostgresDatabase implements AutoCloseable {

  private final String serverUrl;
  private final String schema;

  private PostgresDatabase(String serverUrl, String schema) {
    this.serverUrl = serverUrl;
    this.schema = schema;
  }

  /**
   * Whether the PostgreSQL tests run: when there is a server, and under {@code CI=true} also when
   * there is none, so that they fail there rather than skip. For {@code @EnabledIf}.
   */
  public static boolean availableOrRequired() {
    String url = System.getenv("EXAMPLE_POSTGRES_URL");
    return url != null && url.startsWith("jdbc:postgresql:") || "true".equals(System.getenv("CI"));
  }

  /**
   * The server's URL; skips the test when there is none (which {@link NoSkipsUnderCi} fails under
   * {@code CI=true}).
   */
  static String serverUrl() {
    String url = System.getenv("EXAMPLE_POSTGRES_URL");
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      Assumptions.abort("EXAMPLE_POSTGRES_URL names no PostgreSQL database (.ci/postgres.sh"
          + " starts one)");
    }
    return url;
  }

  /** A new, empty schema on the server. */
  public static PostgresDatabase emptySchema() throws SQLException {
    String url = serverUrl();
    String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    return new PostgresDatabase(url, schema);
  }

  /** The URL the service is given: the server's, with the schema as its current one. */
  public String url() {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** A connection to the schema, for the test itself. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url());
  }

  /** Drops the schema and everything in it. */
  @Override
  public void close() throws SQLException {
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
