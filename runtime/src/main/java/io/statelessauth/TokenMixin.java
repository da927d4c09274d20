package io.statelessauth;

import java.util.Set;

/**
 * Implemented by a token model that can expire or that grants scopes.
 *
 * <p>When the {@code @TokenLoader}'s return type implements it, the generated manager checks
 * {@link #tokenExpired} (401 {@code invalid_token}) and, for routes that require scopes, {@link
 * #scopes} (403 {@code insufficient_scope}) after loading the token. Models that do not implement
 * it skip both checks, and their routes cannot require scopes.
 */
public interface TokenMixin {

  /** Whether the token may no longer be used for a route of this token type and scheme; false by default. */
  default boolean tokenExpired(String tokenType, String authType) {
    return false;
  }

  /** The scopes this token grants; none by default. */
  default Set<String> scopes() {
    return Set.of();
  }
}
