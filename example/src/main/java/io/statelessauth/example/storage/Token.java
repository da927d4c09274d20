package io.statelessauth.example.storage;

import io.statelessauth.TokenMixin;
import java.time.Clock;

/**
 * One token of a pair, as the {@code Tokens} loader found it for a request. Implementing
 * {@link TokenMixin} makes the library refuse it with 401 once it has expired. Whether it has is
 * read from {@code clock} on every request, not when the token was loaded: the authentication
 * cache keeps a loaded token for many requests, and it must still expire on time.
 *
 * <p>An API key is a token too ({@link #apiKey(String, String, String, Clock)}): it never
 * expires, and lives until its owner revokes it.
 *
 * @param pairId the pair the token belongs to: revoking or rotating acts on the whole pair; for
 *     an API key, the key's id
 * @param username the owner
 * @param familyId the login the pair descends from: a replayed refresh token revokes the family;
 *     {@code null} for an API key
 * @param hash the token's {@code SecretTokens.hash}, as stored (never the token itself)
 * @param expiresAt when the token stops working, in seconds since the epoch: the end of its own
 *     lifetime or of its session, whichever comes first
 * @param clock the clock that decides when that is
 * @param isApiKey whether the token is an API key rather than a token of a pair
 */
public record Token(String pairId, String username, String familyId, String hash, long expiresAt,
    Clock clock, boolean isApiKey) implements TokenMixin {

  /** The API key {@code keyId} of {@code username}, stored as {@code hash}: it never expires. */
  static Token apiKey(String keyId, String username, String hash, Clock clock) {
    return new Token(keyId, username, null, hash, Long.MAX_VALUE, clock, true);
  }

  @Override
  public boolean tokenExpired(String tokenType, String authType) {
    return expired();
  }

  /** Whether the token's lifetime, or its session's, has ended by now. */
  boolean expired() {
    return clock.instant().getEpochSecond() >= expiresAt;
  }
}
