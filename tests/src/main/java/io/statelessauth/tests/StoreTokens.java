package io.statelessauth.tests;

import io.statelessauth.StatelessAuthError;

/**
 * The token loader over the {@link Store}: finds a stored token, or an API key for the {@code ApiKey}
 * scheme, by its secret and type; two
 * secrets make the loader misbehave, and so do the secrets a test armed in {@link Faults}.
 */
public final class StoreTokens implements Tokens {
  /** Answered with the loader's own error. */
  static final String REVOKED = "revoked-token";
  /** Makes the loader fail as a broken database would. */
  static final String EXPLODING = "exploding-token";

  @Override
  public Token load(String token, String tokenType, String authType) {
    Faults.TokenLoad fault = Faults.tokenLoad(token);
    if (fault != null) {
      return fault.load(tokenType);
    }
    if (token.equals(REVOKED)) {
      throw new StatelessAuthError("Token revoked", 401, "Token");
    }
    if (token.equals(EXPLODING)) {
      throw new IllegalStateException("database down while looking up " + token);
    }
    // The scheme tells the kinds apart: a key presented as a bearer token is unknown, and so is
    // an access token presented as a key.
    return MachineApi.API_KEY.equals(authType) ? Store.findKey(token, tokenType) : Store.find(token, tokenType);
  }
}
