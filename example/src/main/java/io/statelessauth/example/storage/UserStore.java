package io.statelessauth.example.storage;

import io.statelessauth.example.accounts.Names;
import io.statelessauth.example.revocation.Revocations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code users} table, user names and their password hashes, and the roles in {@code
 * user_roles}. Deleting a user and changing roles change what a cached user stands for, so they
 * live with the revocations in {@link TokenStore}.
 */
public final class UserStore {

  /** What a role change did. */
  public enum RoleChange {
    /** The role was granted or taken away. */
    CHANGED,
    /** The user already held the role, or did not. */
    UNCHANGED,
    /** There is no user of that name. */
    NO_SUCH_USER
  }

  private final Database database;
  private final Revocations revocations;

  /** The users in {@code database}; deletions and role changes run through {@code revocations}. */
  public UserStore(Database database, Revocations revocations) {
    this.database = database;
    this.revocations = revocations;
  }

  /**
   * Adds a user with their {@link Names#key}; {@code false} when the name, or one that looks the
   * same, is taken. One statement decides, so that of concurrent registrations one wins.
   */
  public boolean create(String username, String passwordHash) {
    return database.run(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO users (username, password_hash, name_key) VALUES (?, ?, ?)"
              + " ON CONFLICT DO NOTHING")) {
        insert.setString(1, username);
        insert.setString(2, passwordHash);
        insert.setString(3, Names.key(username));
        return insert.executeUpdate() == 1;
      }
    });
  }

  /** The stored password hash of {@code username}, if the user exists. */
  public Optional<String> passwordHash(String username) {
    return database.run(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT password_hash FROM users WHERE username = ?")) {
        select.setString(1, username);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /** The user called {@code username}, with their roles, if the user exists. */
  public Optional<User> find(String username) {
    return database.run(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT user_roles.role FROM users"
              + " LEFT JOIN user_roles ON user_roles.username = users.username"
              + " WHERE users.username = ?")) {
        select.setString(1, username);
        try (ResultSet rows = select.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          Set<String> roles = new HashSet<>();
          do {
            String role = rows.getString(1);
            if (role != null) {
              roles.add(role);
            }
          } while (rows.next());
          // The name asked for is the stored one (compared exactly); keeping that string rather
          // than the row's saves a copy in every cached authentication.
          return Optional.of(new User(username, roles));
        }
      }
    });
  }

  /**
   * Up to {@code limit} user names that sort after {@code after} (every name when it is empty),
   * in the database's order.
   */
  public List<String> names(String after, int limit) {
    return database.run(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT username FROM users WHERE username > ? ORDER BY username LIMIT ?")) {
        select.setString(1, after);
        select.setInt(2, limit);
        List<String> names = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            names.add(rows.getString(1));
          }
        }
        return names;
      }
    });
  }

  /**
   * Grants {@code role} to {@code username} ({@code held}) or takes it away. A change makes every
   * instance's cache forget the user's tokens and API keys, whose cached user holds the old roles;
   * the user's row is locked first, so that no pair issued meanwhile escapes that.
   */
  public RoleChange setRole(String username, String role, boolean held) {
    return revocations.transaction((connection, forgotten) -> {
      if (!database.lockUser(connection, username)) {
        return RoleChange.NO_SUCH_USER;
      }
      String sql = held
          ? "INSERT INTO user_roles (username, role) VALUES (?, ?) ON CONFLICT DO NOTHING"
          : "DELETE FROM user_roles WHERE username = ? AND role = ?";
      try (PreparedStatement change = connection.prepareStatement(sql)) {
        change.setString(1, username);
        change.setString(2, role);
        if (change.executeUpdate() == 0) {
          return RoleChange.UNCHANGED;
        }
      }
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT access_hash, refresh_hash FROM token_pairs WHERE username = ?")) {
        select.setString(1, username);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            forgotten.add(rows.getString(1));
            forgotten.add(rows.getString(2));
          }
        }
      }
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT key_hash FROM api_keys WHERE username = ?")) {
        select.setString(1, username);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            forgotten.add(rows.getString(1));
          }
        }
      }
      return RoleChange.CHANGED;
    });
  }

  /**
   * Replaces the password hash of {@code username}, if it is still {@code expected}: a rehash at
   * another iteration count, which must not undo a change made meanwhile.
   */
  public boolean replacePasswordHash(String username, String expected, String replacement) {
    return database.run(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE users SET password_hash = ? WHERE username = ? AND password_hash = ?")) {
        update.setString(1, replacement);
        update.setString(2, username);
        update.setString(3, expected);
        return update.executeUpdate() == 1;
      }
    });
  }
}
