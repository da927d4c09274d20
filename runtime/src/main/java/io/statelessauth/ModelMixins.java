package io.statelessauth;

/**
 * Which of the mixins the application's models implement, as the processor found them at compile
 * time: the generated {@code StatelessAuthManager} passes its constant to the manager base class,
 * which then runs the expiry and scope checks only for a {@link TokenMixin} token model and the
 * active-user and role checks only for a {@link UserMixin} user, without testing any model at run
 * time.
 */
public enum ModelMixins {
  /** Neither model implements a mixin: no checks beyond the loaders. */
  NONE(false, false),
  /** The token model implements {@link TokenMixin}; the user does not implement {@link UserMixin}. */
  TOKEN(true, false),
  /** The user implements {@link UserMixin}; the token model does not implement {@link TokenMixin}. */
  USER(false, true),
  /** The token model implements {@link TokenMixin} and the user implements {@link UserMixin}. */
  TOKEN_AND_USER(true, true);

  private final boolean token;
  private final boolean user;

  ModelMixins(boolean token, boolean user) {
    this.token = token;
    this.user = user;
  }

  /** Whether the token model is a {@link TokenMixin}, so that tokens can expire and grant scopes. */
  boolean token() {
    return token;
  }

  /** Whether the user is a {@link UserMixin}, so that users can be inactive and hold roles. */
  boolean user() {
    return user;
  }
}
