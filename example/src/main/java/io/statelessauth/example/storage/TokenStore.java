package io.statelessauth.example.storage;

import io.statelessauth.SecretTokens;
import io.statelessauth.example.revocation.Revocations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Every way a token stops working before it expires goes through one method here, and each
 * runs through {@link Revocations}, so that every instance's authentication cache forgets the
 * tokens: {@link #revoke} (logout: one pair), {@link #rotate} (the consumed pair), {@link
 * #revokeFamily} (a replayed refresh token), {@link #deleteUser} (the user and every pair of
 * theirs). Expiry, of a token or of its session, needs no message: the {@link Token} compares its
 * stored end with the clock on every request.
 */
public final class TokenStore {

  /** The token type of the protected routes. */
  public static final String ACCESS = "access";
  /** The token type of {@code PUT /refresh_token}. */
  public static final String REFRESH = "refresh";
  /** The most sessions (families) a user keeps; a login beyond them ends the oldest. */
  static final int MAX_SESSIONS = 10;
  /** The most pairs one revoking transaction deletes when it may have many to delete. */
  static final int BATCH = 1_000;

  private final Database database;
  private final Revocations revocations;
  private final Clock clock;
  private final Duration accessLifetime;
  private final Duration refreshLifetime;
  private final Duration sessionMaxAge;

  /**
   * The tokens in {@code database}, revoked through {@code revocations}; {@code clock} decides
   * when they expire, after their lifetimes and at most {@code sessionMaxAge} after their login.
   */
  public TokenStore(Database database, Revocations revocations, Clock clock,
      Duration accessLifetime, Duration refreshLifetime, Duration sessionMaxAge) {
    this.database = database;
    this.revocations = revocations;
    this.clock = clock;
    this.accessLifetime = accessLifetime;
    this.refreshLifetime = refreshLifetime;
    this.sessionMaxAge = sessionMaxAge;
  }

  /**
   * Issues a new pair to {@code username} in a new family, beside the pairs the user already
   * holds (one family per login), and drops the user's pairs and consumed tokens that have
   * expired. A user keeps at most {@value #MAX_SESSIONS} sessions: when this login starts one
   * more, the oldest are ended (at most {@value #BATCH} of them at a time, for a database made
   * before the bound), and every cache forgets their tokens. The user's row is locked first, so
   * that concurrent logins of one user count the sessions one after the other.
   */
  public IssuedTokens issue(String username) {
    return revocations.transaction((connection, revoked) -> {
      database.lockUser(connection, username);
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
      IssuedTokens issued = insertPair(connection, username, UUID.randomUUID().toString(),
          now + sessionMaxAge.toSeconds());
      for (String family : sessionsBeyondTheBound(connection, username)) {
        deletePairs(connection, "family_id", family, revoked);
      }
      return issued;
    });
  }

  /** The oldest families of {@code username} beyond {@value #MAX_SESSIONS}, {@value #BATCH} at most. */
  private static List<String> sessionsBeyondTheBound(Connection connection, String username)
      throws SQLException {
    int sessions;
    try (PreparedStatement count = connection.prepareStatement(
        "SELECT COUNT(DISTINCT family_id) FROM token_pairs WHERE username = ?")) {
      count.setString(1, username);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        sessions = row.getInt(1);
      }
    }
    List<String> oldest = new ArrayList<>();
    if (sessions <= MAX_SESSIONS) {
      return oldest;
    }
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT family_id FROM token_pairs WHERE username = ? GROUP BY family_id"
            + " ORDER BY MIN(session_expires_at), family_id LIMIT ?")) {
      select.setString(1, username);
      select.setInt(2, Math.min(sessions - MAX_SESSIONS, BATCH));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          oldest.add(rows.getString(1));
        }
      }
    }
    return oldest;
  }

  /**
   * The token of {@code tokenType} ({@value #ACCESS} or {@value #REFRESH}) whose hash matches
   * {@code token}; empty when there is none or the type is another. A token whose own lifetime or
   * whose session has ended is found too: the {@link Token} tells, whenever it is asked, whether
   * it has expired by then.
   */
  public Optional<Token> find(String token, String tokenType) {
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
          long expiresAt = Math.min(row.getLong(4), row.getLong(5));
          return Optional.of(new Token(
              row.getString(1), row.getString(2), row.getString(3), hash, expiresAt, clock, false));
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
  public Optional<IssuedTokens> rotate(Token refreshed) {
    Optional<IssuedTokens> rotated = revocations.transaction((connection, revoked) -> {
      Optional<Long> sessionEnd = sessionEnd(connection, refreshed.pairId());
      if (sessionEnd.isEmpty() || deletePairs(connection, "id", refreshed.pairId(), revoked) == 0) {
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
  public boolean revokeFamilyIfReplayed(String refreshToken) {
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
  public boolean revoke(Token token) {
    return revocations.transaction(
        (connection, revoked) -> deletePairs(connection, "id", token.pairId(), revoked) == 1);
  }

  /**
   * Revokes every pair of the family {@code familyId}: a refresh token of it was replayed. Each
   * transaction revokes at most {@value #BATCH} pairs, so that none holds the write lock for long.
   */
  int revokeFamily(String familyId) {
    int revoked = 0;
    int batch;
    do {
      batch = revocations.transaction(
          (connection, hashes) -> deletePairBatch(connection, "family_id", familyId, hashes));
      revoked += batch;
    } while (batch == BATCH);
    return revoked;
  }

  /**
   * Deletes the user and every pair, consumed token, API key and role of theirs. Their pairs and
   * consumed tokens go first, {@value #BATCH} in each transaction, so that no transaction holds the write
   * lock for long however many the user has; then, in one transaction, the user's row is locked,
   * the pairs issued meanwhile and the API keys are revoked, and the user is deleted, so that no pair issued
   * between the statement that revokes their pairs (and collects the hashes to forget) and the one
   * that deletes the user escapes.
   */
  public boolean deleteUser(String username) {
    while (revocations.transaction((connection, revoked) ->
        deletePairBatch(connection, "username", username, revoked)) == BATCH) {
      // the next batch
    }
    while (database.run(connection -> deleteConsumedBatch(connection, username)) == BATCH) {
      // the next batch
    }
    return revocations.transaction((connection, revoked) -> {
      if (!database.lockUser(connection, username)) {
        return false;
      }
      deletePairs(connection, "username", username, revoked);
      ApiKeyStore.deleteKeys(connection, username, revoked);
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM users WHERE username = ?")) {
        delete.setString(1, username);
        return delete.executeUpdate() == 1;
      }
    });
  }

  /** Deletes at most {@value #BATCH} pairs whose {@code column} is {@code value}; see {@link #deletePairs}. */
  private static int deletePairBatch(Connection connection, String column, String value,
      List<String> revoked) throws SQLException {
    return deleteReturningHashes(connection, "DELETE FROM token_pairs WHERE id IN (SELECT id FROM"
        + " token_pairs WHERE " + column + " = ? LIMIT " + BATCH + ")", value, revoked);
  }

  /** Deletes at most {@value #BATCH} of the consumed refresh tokens of {@code username}. */
  private static int deleteConsumedBatch(Connection connection, String username)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM consumed_refresh_tokens WHERE refresh_hash IN (SELECT refresh_hash FROM"
            + " consumed_refresh_tokens WHERE username = ? LIMIT " + BATCH + ")")) {
      delete.setString(1, username);
      return delete.executeUpdate();
    }
  }

  /**
   * Deletes the pairs whose {@code column} is {@code value}, adding the hashes of both tokens of
   * each to {@code revoked}; returns how many pairs it deleted.
   */
  private static int deletePairs(Connection connection, String column, String value,
      List<String> revoked) throws SQLException {
    return deleteReturningHashes(connection,
        "DELETE FROM token_pairs WHERE " + column + " = ?", value, revoked);
  }

  private static int deleteReturningHashes(Connection connection, String delete, String value,
      List<String> revoked) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(delete + " RETURNING access_hash, refresh_hash")) {
      statement.setString(1, value);
      int deleted = 0;
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          revoked.add(rows.getString(1));
          revoked.add(rows.getString(2));
          deleted++;
        }
      }
      return deleted;
    }
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

  private long now() {
    return clock.instant().getEpochSecond();
  }
}
