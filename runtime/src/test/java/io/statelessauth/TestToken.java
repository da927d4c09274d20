package io.statelessauth;

import java.util.Set;

/** A token model that takes part in the expiry and scope checks. */
record TestToken(String userName, boolean expired, Set<String> scopes) implements TokenMixin {

  static TestToken of(String userName, String... scopes) {
    return new TestToken(userName, false, Set.of(scopes));
  }

  static TestToken expiredFor(String userName) {
    return new TestToken(userName, true, Set.of());
  }

  @Override
  public boolean tokenExpired(String tokenType, String authType) {
    return expired;
  }
}
