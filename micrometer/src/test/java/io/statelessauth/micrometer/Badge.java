package io.statelessauth.micrometer;

import io.statelessauth.TokenMixin;
import java.util.Set;

/** A token model: whose token it is, what it grants and whether it has expired. */
record Badge(String userName, Set<String> scopes, boolean expired) implements TokenMixin {

  /** An unexpired token of {@code userName} granting {@code scopes}. */
  static Badge of(String userName, String... scopes) {
    return new Badge(userName, Set.of(scopes), false);
  }

  @Override
  public boolean tokenExpired(String tokenType, String authType) {
    return expired;
  }
}
