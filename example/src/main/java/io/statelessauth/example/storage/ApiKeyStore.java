package io.statelessauth.example.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.statelessauth.SecretTokens;
import io.statelessauth.example.revocation.Revocations;
import io.statelessauth.example.routes.ApiError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code api_keys} table: the API keys users make for their machine clients, as GitHub's
 * personal access tokens or Stripe's keys work. A key comes from {@link SecretTokens#generate()},
 * is shown once, when it is made, and is stored only as its {@link SecretTokens#hash(String)}.
 *
 * <p>A user holds at most {@value #MAX_KEYS} keys. Revoking one runs through {@link Revocations},
 * as token revocations do, so that every instance's cache forgets it within the same bound;
 * deleting the user deletes their keys the same way ({@link TokenStore#deleteUser}).
 *
 * <p>When a key was last used is kept to the minute: each instance writes it at most once per key
 * per {@link #LAST_USED_PRECISION}, never on every request, remembering when it last wrote for
 * {@value #MAX_REMEMBERED_USES} keys at most.
 */
public final class ApiKeyStore {

  /** The most keys one user holds. */
  public static final int MAX_KEYS = 10;
  /** How often one instance writes when a key was last used, at most. */
  static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
  /**
   * The most keys whose last write an instance remembers; past it, it forgets them all, which
   * costs each key one more write.
   */
  static final int MAX_REMEMBERED_USES = 100_000;

  private final Database database;
  private final Revocations revocations;
  private final Clock clock;
  /** When this instance last wrote each key's use, in seconds since the epoch, by key id. */
  private final Map<String, Long> lastWritten = new ConcurrentHashMap<>();

  /** The keys in {@code database}, revoked through {@code revocations}, dated by {@code clock}. */
  public ApiKeyStore(Database database, Revocations revocations, Clock clock) {
    this.database = database;
    this.revocations = revocations;
    this.clock = clock;
  }

  /**
   * Makes a key called {@code name} for {@code username}. The user's row is locked first, so that
   * concurrent requests count the keys one after the other.
   *
   * @throws ApiError 409 when the user holds {@value #MAX_KEYS} keys already
   */
  public IssuedKey create(String username, String name) {
    String key = SecretTokens.generate();
    String id = UUID.randomUUID().toString();
    long now = clock.instant().getEpochSecond();
    database.transaction(connection -> {
      database.lockUser(connection, username);
      try (PreparedStatement count = connection.prepareStatement(
          "SELECT COUNT(*) FROM api_keys WHERE username = ?")) {
        count.setString(1, username);
        try (ResultSet row = count.executeQuery()) {
          row.next();
          if (row.getInt(1) >= MAX_KEYS) {
            throw ApiError.conflict("A user holds at most " + MAX_KEYS
                + " API keys: delete one (DELETE /api_keys/{id}) before making another");
          }
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO api_keys (id, username, name, key_hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
        insert.setString(1, id);
        insert.setString(2, username);
        insert.setString(3, name);
        insert.setString(4, SecretTokens.hash(key));
        insert.setLong(5, now);
        insert.executeUpdate();
      }
      return null;
    });
    return new IssuedKey(id, name, key, Instant.ofEpochSecond(now).toString());
  }

  /** The keys of {@code username}, oldest first; never a key or its hash. */
  public List<KeyInfo> list(String username) {
    return database.run(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT id, name, created_at, last_used_at FROM api_keys WHERE username = ?"
              + " ORDER BY created_at, id")) {
        select.setString(1, username);
        List<KeyInfo> keys = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            String created = Instant.ofEpochSecond(rows.getLong(3)).toString();
            // Read as an object, so that a NULL stays null whatever the driver makes of a long.
            Number lastUsed = (Number) rows.getObject(4);
            keys.add(new KeyInfo(rows.getString(1), rows.getString(2), created,
                lastUsed == null ? null : Instant.ofEpochSecond(lastUsed.longValue()).toString()));
          }
        }
        return keys;
      }
    });
  }

  /**
   * The key whose hash matches {@code key}, as a {@link Token}; empty when there is none. Only a
   * key is found here, never an access or refresh token, which live in {@code token_pairs}.
   */
  public Optional<Token> find(String key) {
    String hash = SecretTokens.hash(key);
    return database.run(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT id, username FROM api_keys WHERE key_hash = ?")) {
        select.setString(1, hash);
        try (ResultSet row = select.executeQuery()) {
          return row.next()
              ? Optional.of(Token.apiKey(row.getString(1), row.getString(2), hash, clock))
              : Optional.empty();
        }
      }
    });
  }

  /**
   * Revokes the key {@code id} of {@code username}; {@code false} when the user has no such key
   * (another user's key included). Every instance's cache forgets it.
   */
  public boolean revoke(String username, String id) {
    boolean revoked = revocations.transaction((connection, hashes) -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM api_keys WHERE id = ? AND username = ? RETURNING key_hash")) {
        delete.setString(1, id);
        delete.setString(2, username);
        try (ResultSet rows = delete.executeQuery()) {
          while (rows.next()) {
            hashes.add(rows.getString(1));
          }
        }
      }
      return !hashes.isEmpty();
    });
    lastWritten.remove(id);
    return revoked;
  }

  /**
   * Records that {@code token} was used now, when it is an API key whose use this instance has
   * not written for {@link #LAST_USED_PRECISION}. A database that cannot answer loses this one
   * record (it is logged as any outage is), never the request.
   */
  public void used(Token token) {
    if (!token.isApiKey()) {
      return;
    }
    long now = clock.instant().getEpochSecond();
    if (!claimWrite(token.pairId(), now)) {
      return;
    }
    try {
      database.run(connection -> {
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE api_keys SET last_used_at = ? WHERE id = ?")) {
          update.setLong(1, now);
          update.setString(2, token.pairId());
          return update.executeUpdate();
        }
      });
    } catch (DatabaseUnavailable e) {
      lastWritten.remove(token.pairId(), now);
    }
  }

  /**
   * Whether this request writes the use of the key {@code keyId} at {@code now}: this instance
   * wrote none for {@link #LAST_USED_PRECISION}, and no concurrent request claimed it first.
   */
  private boolean claimWrite(String keyId, long now) {
    Long written = lastWritten.get(keyId);
    if (written == null) {
      if (lastWritten.size() >= MAX_REMEMBERED_USES) {
        lastWritten.clear();
      }
      return lastWritten.putIfAbsent(keyId, now) == null;
    }
    return now - written >= LAST_USED_PRECISION.toSeconds() && lastWritten.replace(keyId, written, now);
  }

  /** Deletes the keys of {@code username} in the open transaction, adding their hashes to {@code revoked}. */
  static void deleteKeys(Connection connection, String username, List<String> revoked)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM api_keys WHERE username = ? RETURNING key_hash")) {
      delete.setString(1, username);
      try (ResultSet rows = delete.executeQuery()) {
        while (rows.next()) {
          revoked.add(rows.getString(1));
        }
      }
    }
  }

  /**
   * A key as its owner lists it.
   *
   * @param id what {@code DELETE /api_keys/{id}} names it by
   * @param name the name its owner gave it
   * @param created when it was made (ISO 8601, UTC)
   * @param lastUsed when it was last used, to the minute; {@code null} when never
   */
  record KeyInfo(String id, String name, String created,
      @JsonProperty("last_used") String lastUsed) {}

  /**
   * A newly made key, as sent to its owner once. Its {@link #toString()} never shows the key.
   *
   * @param id what {@code DELETE /api_keys/{id}} names it by
   * @param name the name its owner gave it
   * @param apiKey the key itself
   * @param created when it was made (ISO 8601, UTC)
   */
  public record IssuedKey(String id, String name,
      @JsonProperty("api_key") String apiKey, String created) {

    @Override
    public String toString() {
      return "IssuedKey[id=" + id + ", name=" + name + ", api_key=********, created=" + created + "]";
    }
  }
}
