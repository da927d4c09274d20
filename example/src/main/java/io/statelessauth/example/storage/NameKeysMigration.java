package io.statelessauth.example.storage;

import io.statelessauth.example.accounts.Names;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 5: every user gets the {@link Names#key} of their name, in a column that a unique
 * index holds, so that no name can be registered beside one that looks the same. A Java
 * migration, since the key comes from ICU4J.
 *
 * <p>Users registered before it may already look alike ({@code alice} and {@code Alice}): the
 * first of them in the database's order of names keeps the key, each later one keeps its name,
 * password and tokens but no key, and every such collision is logged at WARNING. Nothing is
 * deleted; a new registration that looks like either is refused.
 */
final class NameKeysMigration implements JavaMigration {

  private static final System.Logger LOG = System.getLogger(NameKeysMigration.class.getName());

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("5");
  }

  @Override
  public String getDescription() {
    return "User name keys";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE users ADD COLUMN name_key TEXT");
      statement.execute("CREATE UNIQUE INDEX users_name_key ON users (name_key)");
    }
    List<String> usernames = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT username FROM users ORDER BY username")) {
      while (rows.next()) {
        usernames.add(rows.getString(1));
      }
    }
    Map<String, String> owners = new HashMap<>();
    int collisions = 0;
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE users SET name_key = ? WHERE username = ?")) {
      for (String username : usernames) {
        String key = Names.key(username);
        String owner = owners.putIfAbsent(key, username);
        if (owner != null) {
          collisions++;
          LOG.log(Level.WARNING, "User names \"" + owner + "\" and \"" + username + "\" look the"
              + " same; both keep their accounts, and no new name that looks like them can be"
              + " registered");
          continue;
        }
        update.setString(1, key);
        update.setString(2, username);
        update.executeUpdate();
      }
    }
    if (collisions > 0) {
      LOG.log(Level.WARNING, collisions + " registered names look like an earlier one;"
          + " none was changed or deleted");
    }
  }
}
