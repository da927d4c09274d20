package io.statelessauth.tests;

import io.statelessauth.TokenMixin;
import java.util.Set;

/** A stored token: its secret, kind, owner, the scopes it grants and whether it has expired. */
public record Token(String secret, String type, long userId, Set<String> grants, boolean expired)
    implements TokenMixin {

  @Override
  public boolean tokenExpired(String tokenType, String authType) {
    return expired;
  }

  @Override
  public Set<String> scopes() {
    return grants;
  }
}
