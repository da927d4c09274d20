package io.statelessauth;

import java.util.Objects;

/**
 * The settings every manager takes besides its loaders: the generated {@code
 * StatelessAuthManager.Builder} extends it and adds only the loader setters and {@code build()}.
 * Every setter is optional; unset, each has the default its javadoc names.
 *
 * @param <B> the concrete builder, returned by every setter so that calls chain
 */
public abstract class ManagerBuilder<B extends ManagerBuilder<B>> {
  private StatelessAuthConfig config = StatelessAuthConfig.defaults();
  private AuthErrorHandler errorHandler = AuthErrorHandler.json();
  private AuthListener listener = AuthListener.NONE;
  private AuthCache cache;

  /** A builder with every setting at its default. */
  protected ManagerBuilder() {}

  /** The settings; default {@link StatelessAuthConfig#defaults()}. */
  public final B config(StatelessAuthConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    return self();
  }

  /** Writes the response of every refused request; default {@link AuthErrorHandler#json()}. */
  public final B errorHandler(AuthErrorHandler errorHandler) {
    this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
    return self();
  }

  /**
   * Told of every outcome; default {@link AuthListener#NONE}. To tell several, pass {@link
   * AuthListener#all}.
   */
  public final B listener(AuthListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return self();
  }

  /**
   * Keeps what the loaders returned between requests; default none, so that every request calls
   * the loaders. A cache serves one manager only.
   */
  public final B cache(AuthCache cache) {
    this.cache = Objects.requireNonNull(cache, "cache");
    return self();
  }

  StatelessAuthConfig configuredConfig() {
    return config;
  }

  AuthErrorHandler configuredErrorHandler() {
    return errorHandler;
  }

  AuthListener configuredListener() {
    return listener;
  }

  /** The cache, or {@code null} for none. */
  AuthCache configuredCache() {
    return cache;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
