package io.statelessauth;

import com.sun.net.httpserver.HttpExchange;

/**
 * Told of every authentication outcome, like flask-stateless-auth's {@code user-authorized} and
 * {@code user-unauthorized} signals: for audit logs, metrics or rate limits.
 *
 * <p>{@link #onAuthorized} runs on the request thread with the user bound, just before the
 * handler; a {@link StatelessAuthError} it throws refuses the request, any other exception answers
 * 500. {@link #onUnauthorized} runs before the error response is written; what it throws is logged
 * and the response is still sent. Neither method is given the token.
 */
public interface AuthListener {

  /** A listener that does nothing. */
  AuthListener NONE = new AuthListener() {};

  /** A request was authenticated as {@code user}. */
  default void onAuthorized(HttpExchange exchange, Object user) {}

  /** A request was refused with {@code error}. */
  default void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {}
}
