package io.statelessauth;

import com.sun.net.httpserver.HttpExchange;
import java.util.Objects;

/**
 * Told of every authentication outcome, like flask-stateless-auth's {@code user-authorized} and
 * {@code user-unauthorized} signals: for audit logs, metrics or rate limits.
 *
 * <p>{@link #onAuthorized} runs on the request thread with the user bound, just before the
 * handler, and {@link #onAnonymous} likewise before the handler of an optional route runs for a
 * request without credentials; a {@link StatelessAuthError} either throws refuses the request, any
 * other exception answers 500. {@link #onUnauthorized} runs before the error response is written;
 * what it throws is logged and the response is still sent. No method is given the token.
 *
 * <p>Listeners run on protected routes only: a login route that takes a password is not one, so
 * rate-limiting password guesses belongs in that route (or a proxy in front), not here.
 */
public interface AuthListener {

  /** A listener that does nothing. */
  AuthListener NONE = new AuthListener() {};

  /**
   * A listener that tells each of {@code listeners}, in order. One that throws does not keep the
   * later ones from being told; afterwards the first throwable is thrown again (with the later ones
   * suppressed in it), so it is handled as a single listener's would be: a {@link
   * StatelessAuthError} from {@link #onAuthorized} still refuses the request.
   *
   * @throws NullPointerException if {@code listeners} or one of them is {@code null}
   */
  static AuthListener all(AuthListener... listeners) {
    return new AllListeners(Objects.requireNonNull(listeners, "listeners"));
  }

  /** A request was authenticated as {@code user}. */
  default void onAuthorized(HttpExchange exchange, Object user) {}

  /** A request on an optional route presented no credentials for its scheme and runs anonymously. */
  default void onAnonymous(HttpExchange exchange) {}

  /** A request was refused with {@code error}. */
  default void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {}
}
