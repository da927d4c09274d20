package io.statelessauth.example.auth;

import io.statelessauth.annotations.TokenLoader;
import io.statelessauth.example.storage.ApiKeyStore;
import io.statelessauth.example.storage.DatabaseUnavailable;
import io.statelessauth.example.storage.Token;
import io.statelessauth.example.storage.TokenStore;
import java.util.concurrent.atomic.LongAdder;

/**
 * The token loader: finds the token a request presents, by its hash, among the tokens of the
 * route's type, or among the API keys when it was presented with the {@link ApiKeyScheme#SCHEME}
 * scheme (an access token presented as a key is unknown, and so is a key presented as a bearer
 * token). An unknown token gives {@code null}, which the library answers with 401
 * {@code invalid_token}. When the database cannot answer, the store throws
 * {@link DatabaseUnavailable}, which the library passes on as it is: 503, without a challenge, so
 * that the client keeps its token and retries.
 *
 * <p>A refresh token that a rotation already consumed is not merely unknown: someone replays a
 * copy of it, so the loader has the store revoke its whole family before answering 401.
 */
@TokenLoader
public final class Tokens {

  private final TokenStore store;
  private final ApiKeyStore keys;
  private final LongAdder lookups = new LongAdder();

  /** Looks tokens up in {@code store} and API keys in {@code keys}. */
  public Tokens(TokenStore store, ApiKeyStore keys) {
    this.store = store;
    this.keys = keys;
  }

  /** The token model for {@code token}, or {@code null} when no such token of that type exists. */
  Token load(String token, String tokenType, String authType) {
    lookups.increment();
    if (ApiKeyScheme.SCHEME.equals(authType)) {
      return TokenStore.ACCESS.equals(tokenType) ? keys.find(token).orElse(null) : null;
    }
    Token found = store.find(token, tokenType).orElse(null);
    if (found == null && TokenStore.REFRESH.equals(tokenType)) {
      store.revokeFamilyIfReplayed(token);
    }
    return found;
  }

  /**
   * How many times the library asked this loader for a token: each time, the database was asked.
   * With the authentication cache, only tokens it does not hold are asked for.
   */
  public long lookups() {
    return lookups.sum();
  }
}
