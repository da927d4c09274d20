package io.statelessauth.benchmarks.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The in-memory data every benchmark runs on: {@value #USERS} users, each with one access token
 * granting {@value #SCOPE}. The tokens are fixed 43-character base64url strings, the shape of
 * {@code SecretTokens.generate()}, so that runs are reproducible.
 */
public final class Accounts {
  /** The scope the secret route requires. */
  public static final String SCOPE = "read";

  /** The role every user holds, which the role route requires. */
  public static final String ROLE = "reader";

  /** How many users (and tokens) the maps hold. */
  public static final int USERS = 1000;

  private final Map<String, Token> tokens = new HashMap<>();
  private final Map<String, User> users = new HashMap<>();

  /** The sample data. */
  public Accounts() {
    for (int i = 0; i < USERS; i++) {
      String name = "user" + i;
      users.put(name, new User(name, true, Set.of(ROLE, "member")));
      tokens.put(token(i), new Token(name, "access", Set.of(SCOPE, "write"), false));
    }
  }

  /** The token of user {@code i}; an {@code i} of {@value #USERS} or more is an unknown token. */
  public static String token(int i) {
    return String.format("q3Vx8Lw0-Tz_%031d", i);
  }

  /** The token the authenticated requests present. */
  public static String validToken() {
    return token(USERS / 2);
  }

  /** A well-formed token that no user holds: the failure path. */
  public static String unknownToken() {
    return token(USERS);
  }

  /** The user {@link #validToken()} belongs to. */
  public User validUser() {
    return users.get(tokens.get(validToken()).userName());
  }

  /** The token loader over these tokens. */
  public Tokens tokenLoader() {
    return new Tokens(tokens);
  }

  /** The user loader over these users. */
  public Users userLoader() {
    return new Users(users);
  }
}
