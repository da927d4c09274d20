package io.statelessauth;

import java.util.Set;

/**
 * Implemented by a user model that can be deactivated or that holds roles.
 *
 * <p>When the {@code @UserLoader}'s return type implements it, the manager refuses an inactive
 * user with 401 {@code invalid_token} ("Invalid User"), and on routes that name roles
 * ({@code roles} of {@code @TokenRequired}) a user who holds none of them with 403 (type {@code
 * Role}). Users that do not implement it skip both checks, and their routes cannot name roles.
 */
public interface UserMixin {

  /** Whether the user may still authenticate; true by default. */
  default boolean isActive() {
    return true;
  }

  /** The roles this user holds, such as {@code admin}; none by default. */
  default Set<String> roles() {
    return Set.of();
  }
}
