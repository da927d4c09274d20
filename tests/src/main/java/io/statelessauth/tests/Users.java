package io.statelessauth.tests;

import io.statelessauth.annotations.UserLoader;

/** Finds the user a token belongs to, unless a test armed a {@link Faults} for the token. */
@UserLoader
public final class Users {

  public User load(Token token) {
    Faults.UserLoad fault = Faults.userLoad(token.secret());
    if (fault != null) {
      return fault.load(token);
    }
    return Store.USERS.stream().filter(u -> u.id() == token.userId()).findFirst().orElse(null);
  }
}
