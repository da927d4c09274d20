package io.statelessauth.example;

import io.statelessauth.SecretTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code token_pairs} table: issues, finds, rotates and revokes access/refresh token pairs.
 *
 * <p>Tokens come from {@link SecretTokens#generate()} and are stored only as
 * {@link SecretTokens#hash(String)} values, found through a unique index on each hash; a stolen
 * copy of the database holds no usable token. Rotation and revocation are single transactions.
 */
final class TokenStore {

  /** The token type of the protected routes. */
  static final String ACCESS = "access";
  /** The token type of {@code PUT /refresh_token}. */
  static final String REFRESH = "refresh";

  private final Database database;
  private final Clock clock;
  private final Duration accessLifetime;
  private final Duration refreshLifetime;

  TokenStore(Database database, Clock clock, Duration accessLifetime, Duration refreshLifetime) {
    this.database = database;
    this.clock = clock;
    this.accessLifetime = accessLifetime;
    this.refreshLifetime = refreshLifetime;
  }

  /**
   * Issues a new pair to {@code username}, beside the pairs the user already holds (one per
   * login), and drops the user's pairs whose refresh token has expired.
   */
  IssuedTokens issue(String username) {
    return database.transaction(connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM token_pairs WHERE username = ? AND refresh_expires_at <= ?")) {
        delete.setString(1, username);
        delete.setLong(2, now());
        delete.executeUpdate();
      }
      return insertPair(connection, username);
    });
  }

  /**
   * The token of {@code tokenType} ({@value #ACCESS} or {@value #REFRESH}) whose hash matches
   * {@code token}; empty when there is none or the type is another.
   */
  Optional<Token> find(String token, String tokenType) {
    String sql;
    if (ACCESS.equals(tokenType)) {
      sql = "SELECT id, username, access_expires_at FROM token_pairs WHERE access_hash = ?";
    } else if (REFRESH.equals(tokenType)) {
      sql = "SELECT id, username, refresh_expires_at FROM token_pairs WHERE refresh_hash = ?";
    } else {
      return Optional.empty();
    }
    String hash = SecretTokens.hash(token);
    return database.run(connection -> {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setString(1, hash);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          boolean expired = row.getLong(3) <= now();
          return Optional.of(new Token(row.getString(1), row.getString(2), expired));
        }
      }
    });
  }

  /**
   * Replaces the pair {@code refreshed} belongs to with a new one, in one transaction; empty when
   * the pair is gone already (revoked, or rotated by a concurrent request).
   */
  Optional<IssuedTokens> rotate(Token refreshed) {
    return database.transaction(connection -> deletePair(connection, refreshed.pairId())
        ? Optional.of(insertPair(connection, refreshed.username()))
        : Optional.empty());
  }

  /** Revokes both tokens of the pair {@code token} belongs to; {@code false} when already gone. */
  boolean revoke(Token token) {
    return database.run(connection -> deletePair(connection, token.pairId()));
  }

  private IssuedTokens insertPair(Connection connection, String username) throws SQLException {
    String access = SecretTokens.generate();
    String refresh = SecretTokens.generate();
    long now = now();
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO token_pairs (id, username, access_hash, refresh_hash,"
            + " access_expires_at, refresh_expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, username);
      insert.setString(3, SecretTokens.hash(access));
      insert.setString(4, SecretTokens.hash(refresh));
      insert.setLong(5, now + accessLifetime.toSeconds());
      insert.setLong(6, now + refreshLifetime.toSeconds());
      insert.executeUpdate();
    }
    return new IssuedTokens(access, refresh, accessLifetime.toSeconds());
  }

  private static boolean deletePair(Connection connection, String pairId) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM token_pairs WHERE id = ?")) {
      delete.setString(1, pairId);
      return delete.executeUpdate() == 1;
    }
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }
}
