package io.statelessauth.example;

import io.statelessauth.TokenMixin;

/**
 * One token of a pair, as the {@link Tokens} loader found it for a request. Implementing
 * {@link TokenMixin} makes the library refuse it with 401 when it has expired.
 *
 * @param pairId the pair the token belongs to: revoking or rotating acts on the whole pair
 * @param username the owner
 * @param expired whether the token's lifetime had ended when it was loaded
 */
record Token(String pairId, String username, boolean expired) implements TokenMixin {

  @Override
  public boolean tokenExpired(String tokenType, String authType) {
    return expired;
  }
}
