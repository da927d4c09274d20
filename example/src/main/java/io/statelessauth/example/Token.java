package io.statelessauth.example;

import io.statelessauth.TokenMixin;

/**
 * One token of a pair, as the {@link Tokens} loader found it for a request. Implementing
 * {@link TokenMixin} makes the library refuse it with 401 when it has expired.
 *
 * @param pairId the pair the token belongs to: revoking or rotating acts on the whole pair
 * @param username the owner
 * @param familyId the login the pair descends from: a replayed refresh token revokes the family
 * @param hash the token's {@code SecretTokens.hash}, as stored (never the token itself)
 * @param expired whether the token's lifetime, or its session's, had ended when it was loaded
 */
record Token(String pairId, String username, String familyId, String hash, boolean expired)
    implements TokenMixin {

  @Override
  public boolean tokenExpired(String tokenType, String authType) {
    return expired;
  }
}
