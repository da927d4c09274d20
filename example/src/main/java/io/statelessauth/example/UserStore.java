package io.statelessauth.example;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The {@code users} table: user names and their password hashes. Deleting a user revokes their
 * tokens, so it lives with the other revocations in {@link TokenStore#deleteUser}.
 */
final class UserStore {

  private final Database database;

  UserStore(Database database) {
    this.database = database;
  }

  /** Adds a user; {@code false} when the name is taken. */
  boolean create(String username, String passwordHash) {
    return database.run(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO users (username, password_hash) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
        insert.setString(1, username);
        insert.setString(2, passwordHash);
        return insert.executeUpdate() == 1;
      }
    });
  }

  /** The stored password hash of {@code username}, if the user exists. */
  Optional<String> passwordHash(String username) {
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

  /** The user called {@code username}, if any. */
  Optional<User> find(String username) {
    return database.run(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT username FROM users WHERE username = ?")) {
        select.setString(1, username);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(new User(row.getString(1))) : Optional.empty();
        }
      }
    });
  }

  /**
   * Replaces the password hash of {@code username}, if it is still {@code expected}: a rehash at
   * another iteration count, which must not undo a change made meanwhile.
   */
  boolean replacePasswordHash(String username, String expected, String replacement) {
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
