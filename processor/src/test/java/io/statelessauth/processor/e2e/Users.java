package io.statelessauth.processor.e2e;

import io.statelessauth.annotations.UserLoader;

/** Finds the user a token belongs to. */
@UserLoader
public final class Users {

  public User load(Token token) {
    return Store.USERS.stream().filter(u -> u.id() == token.userId()).findFirst().orElse(null);
  }
}
