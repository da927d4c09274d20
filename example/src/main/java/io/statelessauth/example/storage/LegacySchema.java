package io.statelessauth.example.storage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The schema of a database made before Flyway kept it (example releases up to 0.2, which created
 * and upgraded their tables themselves), read so that Flyway's baseline marks it at the version
 * it is at: the later migrations then run on it, the earlier ones never.
 *
 * <p>Only the connection's current schema is read (PostgreSQL's {@code currentSchema}): tables of
 * the same names in another schema of the same database say nothing about this one.
 */
final class LegacySchema {

  /** The description of the baseline row in {@code flyway_schema_history}. */
  static final String DESCRIPTION = "Schema made before Flyway";

  private LegacySchema() {}

  /**
   * The version of the migrations under {@code db/migration} that the tables in the current
   * schema match: {@code 4} with the SQLite table {@code revocation_log}, {@code 3} with {@code
   * user_roles}, {@code 2} with the column {@code token_pairs.family_id}, {@code 1} with {@code
   * token_pairs}, else {@code 0} (an empty schema, or one holding other applications' tables,
   * gets every migration). Flyway uses it only when the schema has tables but no history.
   */
  static String version(Connection connection) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    String schema = connection.getSchema();
    if (hasTable(metadata, schema, "revocation_log")) {
      return "4";
    }
    if (hasTable(metadata, schema, "user_roles")) {
      return "3";
    }
    if (hasColumn(metadata, schema, "token_pairs", "family_id")) {
      return "2";
    }
    return hasTable(metadata, schema, "token_pairs") ? "1" : "0";
  }

  private static boolean hasTable(DatabaseMetaData metadata, String schema, String table)
      throws SQLException {
    try (ResultSet tables = metadata.getTables(
        null, pattern(metadata, schema), pattern(metadata, table), new String[] {"TABLE"})) {
      return tables.next();
    }
  }

  private static boolean hasColumn(
      DatabaseMetaData metadata, String schema, String table, String column) throws SQLException {
    try (ResultSet columns = metadata.getColumns(null, pattern(metadata, schema),
        pattern(metadata, table), pattern(metadata, column))) {
      return columns.next();
    }
  }

  /** {@code name} as a metadata pattern that matches it alone ({@code _} is a wildcard there). */
  private static String pattern(DatabaseMetaData metadata, String name) throws SQLException {
    if (name == null) {
      return null;
    }
    String escape = metadata.getSearchStringEscape();
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }
}
