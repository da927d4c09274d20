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
 * The {@code token_pairs} table and its companions: issues, finds, rotates and revokes
 * access/refresh token pairs, grouped in families.
 *
 * <p>Tokens come from {@link SecretTokens#generate()} and are stored only as
 * {@link SecretTokens#hash(String)} values, found through a unique index on each hash; a stolen
 * copy of the database holds no usable token.
 *
 * <p>A login starts a <em>family</em>: the pair it issues and every pair rotated from it share a
 * family id and the session's end ({@code --session-max-age} after the login), which no rotation
 * moves. A rotation records the refresh token it consumed; when a consumed refresh token is
 * presented again, someone holds a copy of it, and the whole family is revoked (RFC 9700
 * §4.14.2), so a thief who rotated first loses the session too.
 *
 * <p>Every way a token stops working before it expires goes through one method here, so that
 * anything that remembers tokens (a cache) has one place to be told: {@link #revoke} (logout:
 * one pair), {@link #rotate} (the consumed pair), {@link #revokeFamily} (a replayed refresh
 * token), {@link #deleteUser} (the user and every pair of theirs). Expiry, of a token or of its
 * session, is decided in {@link #find} from the stored times.
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
  private final Duration sessionMaxAge;

  TokenStore(Database database, Clock clock, Duration accessLifetime, Duration refreshLifetime,
      Duration sessionMaxAge) {
    this.database = database;
    this.clock = clock;
    this.accessLifetime = accessLifetime;
    this.refreshLifetime = refreshLifetime;
    this.sessionMaxAge = sessionMaxAge;
  }

  /**
   * Issues a new pair to {@code username} in a new family, beside the pairs the user already
   * holds (one family per login), and drops the user's pairs and consumed tokens that have
   * expired.
   */
  IssuedTokens issue(String username) {
    return database.transaction(connection -> {
      long now = now();
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM token_pairs WHERE username = ?"
              + " AND (refresh_expires_at <= ? OR session_expires_at <= ?)")) {
        delete.setString(1, username);
        delete.setLong(2, now);
        delete.setLong(3, now);
        delete.executeUpdate();
      }
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM consumed_refresh_tokens WHERE username = ? AND expires_at <= ?")) {
        delete.setString(1, username);
        delete.setLong(2, now);
        delete.executeUpdate();
      }
      return insertPair(connection, username, UUID.randomUUID().toString(),
          now + sessionMaxAge.toSeconds());
    });
  }

  /**
   * The token of {@code tokenType} ({@value #ACCESS} or {@value #REFRESH}) whose hash matches
   * {@code token}; empty when there is none or the type is another. A token whose own lifetime or
   * whose session has ended is found, marked expired.
   */
  Optional<Token> find(String token, String tokenType) {
    String expiry;
    if (ACCESS.equals(tokenType)) {
      expiry = "access";
    } else if (REFRESH.equals(tokenType)) {
      expiry = "refresh";
    } else {
      return Optional.empty();
    }
    String sql = "SELECT id, username, family_id, " + expiry + "_expires_at, session_expires_at"
        + " FROM token_pairs WHERE " + expiry + "_hash = ?";
    String hash = SecretTokens.hash(token);
    return database.run(connection -> {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setString(1, hash);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          long now = now();
          boolean expired = row.getLong(4) <= now || row.getLong(5) <= now;
          return Optional.of(new Token(
              row.getString(1), row.getString(2), row.getString(3), hash, expired));
        }
      }
    });
  }

  /**
   * Replaces the pair {@code refreshed} belongs to with a new one of the same family and session,
   * and records the refresh token as consumed, in one transaction. When the pair is gone already
   * (rotated by a concurrent request, or revoked), the refresh token was presented twice: the
   * family is revoked, and the answer is empty.
   */
  Optional<IssuedTokens> rotate(Token refreshed) {
    Optional<IssuedTokens> rotated = database.transaction(connection -> {
      Optional<Long> sessionEnd = sessionEnd(connection, refreshed.pairId());
      if (sessionEnd.isEmpty() || !deletePair(connection, refreshed.pairId())) {
        return Optional.empty();
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO consumed_refresh_tokens (refresh_hash, family_id, username, expires_at)"
              + " VALUES (?, ?, ?, ?)")) {
        insert.setString(1, refreshed.hash());
        insert.setString(2, refreshed.familyId());
        insert.setString(3, refreshed.username());
        insert.setLong(4, sessionEnd.get());
        insert.executeUpdate();
      }
      return Optional.of(insertPair(
          connection, refreshed.username(), refreshed.familyId(), sessionEnd.get()));
    });
    if (rotated.isEmpty()) {
      revokeFamily(refreshed.familyId());
    }
    return rotated;
  }

  /**
   * When {@code refreshToken} is one that a rotation consumed, someone replays it: revokes its
   * whole family and answers {@code true}. Answers {@code false} for any other token.
   */
  boolean revokeFamilyIfReplayed(String refreshToken) {
    String hash = SecretTokens.hash(refreshToken);
    Optional<String> family = database.run(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT family_id FROM consumed_refresh_tokens WHERE refresh_hash = ?")) {
        select.setString(1, hash);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
      }
    });
    family.ifPresent(this::revokeFamily);
    return family.isPresent();
  }

  /** Revokes both tokens of the pair {@code token} belongs to (logout); {@code false} when already gone. */
  boolean revoke(Token token) {
    return database.run(connection -> deletePair(connection, token.pairId()));
  }

  /** Revokes every pair of the family {@code familyId}: a refresh token of it was replayed. */
  int revokeFamily(String familyId) {
    return database.run(connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM token_pairs WHERE family_id = ?")) {
        delete.setString(1, familyId);
        return delete.executeUpdate();
      }
    });
  }

  /** Deletes the user and, through the foreign keys, every pair and consumed token of theirs. */
  boolean deleteUser(String username) {
    return database.run(connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM users WHERE username = ?")) {
        delete.setString(1, username);
        return delete.executeUpdate() == 1;
      }
    });
  }

  private IssuedTokens insertPair(Connection connection, String username, String familyId,
      long sessionEnd) throws SQLException {
    String access = SecretTokens.generate();
    String refresh = SecretTokens.generate();
    long now = now();
    long accessEnd = Math.min(now + accessLifetime.toSeconds(), sessionEnd);
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO token_pairs (id, username, access_hash, refresh_hash, access_expires_at,"
            + " refresh_expires_at, family_id, session_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, username);
      insert.setString(3, SecretTokens.hash(access));
      insert.setString(4, SecretTokens.hash(refresh));
      insert.setLong(5, accessEnd);
      insert.setLong(6, Math.min(now + refreshLifetime.toSeconds(), sessionEnd));
      insert.setString(7, familyId);
      insert.setLong(8, sessionEnd);
      insert.executeUpdate();
    }
    return new IssuedTokens(access, refresh, Math.max(0, accessEnd - now));
  }

  private static Optional<Long> sessionEnd(Connection connection, String pairId)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT session_expires_at FROM token_pairs WHERE id = ?")) {
      select.setString(1, pairId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
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
