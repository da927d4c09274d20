package io.statelessauth.tests;

import io.statelessauth.annotations.UserLoader;

/**
 * The user loader, as an interface: the generated builder takes any implementation, the one over
 * the {@link Store} ({@link StoreUsers}) or a lambda.
 */
@UserLoader
@FunctionalInterface
public interface Users {

  /** The user {@code token} belongs to, or {@code null}. */
  User load(Token token);
}
