package io.statelessauth.benchmarks.app;

import io.statelessauth.TokenMixin;
import java.util.Set;

/** The benchmark application's token model: who it belongs to, its type, its scopes. */
public final class Token implements TokenMixin {
  private final String userName;
  private final String type;
  private final Set<String> scopes;
  private final boolean expired;

  /** A token of {@code type} for {@code userName} that grants {@code scopes}. */
  public Token(String userName, String type, Set<String> scopes, boolean expired) {
    this.userName = userName;
    this.type = type;
    this.scopes = Set.copyOf(scopes);
    this.expired = expired;
  }

  /** The name of the user the token was issued to. */
  public String userName() {
    return userName;
  }

  /** The token type, such as {@code access}. */
  public String type() {
    return type;
  }

  @Override
  public boolean tokenExpired(String tokenType, String authType) {
    return expired;
  }

  @Override
  public Set<String> scopes() {
    return scopes;
  }
}
