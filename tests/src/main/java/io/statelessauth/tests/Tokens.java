package io.statelessauth.tests;

import io.statelessauth.annotations.TokenLoader;

/**
 * The token loader, as an interface: the generated builder takes any implementation, the one over
 * the {@link Store} ({@link StoreTokens}) or a lambda.
 */
@TokenLoader
@FunctionalInterface
public interface Tokens {

  /** The token model for {@code token}, or {@code null} when it is unknown. */
  Token load(String token, String tokenType, String authType);
}
