package io.statelessauth;

/**
 * Implemented by a user model that can be deactivated.
 *
 * <p>When the {@code @UserLoader}'s return type implements it, the generated manager refuses an
 * inactive user with 401 {@code invalid_token} ("Invalid User").
 */
public interface UserMixin {

  /** Whether the user may still authenticate; true by default. */
  default boolean isActive() {
    return true;
  }
}
