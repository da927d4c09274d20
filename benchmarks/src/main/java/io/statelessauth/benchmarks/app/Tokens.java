package io.statelessauth.benchmarks.app;

import io.statelessauth.annotations.TokenLoader;
import java.util.Map;

/** The token loader: a {@link java.util.HashMap} lookup, so that only the authentication path is measured. */
@TokenLoader
public final class Tokens {
  private final Map<String, Token> byToken;

  /** Looks tokens up in {@code byToken}, which it does not copy. */
  public Tokens(Map<String, Token> byToken) {
    this.byToken = byToken;
  }

  /** The model of {@code token} when it is of {@code tokenType}, else {@code null}. */
  public Token load(String token, String tokenType, String authType) {
    Token found = byToken.get(token);
    return found != null && found.type().equals(tokenType) ? found : null;
  }
}
