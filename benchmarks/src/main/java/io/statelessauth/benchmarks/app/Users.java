package io.statelessauth.benchmarks.app;

import io.statelessauth.annotations.UserLoader;
import java.util.Map;

/** The user loader: a {@link java.util.HashMap} lookup by the token's user name. */
@UserLoader
public final class Users {
  private final Map<String, User> byName;

  /** Looks users up in {@code byName}, which it does not copy. */
  public Users(Map<String, User> byName) {
    this.byName = byName;
  }

  /** The user {@code token} was issued to, or {@code null}. */
  public User load(Token token) {
    return byName.get(token.userName());
  }
}
