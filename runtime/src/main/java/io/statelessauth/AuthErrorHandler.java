package io.statelessauth;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Writes the response for a refused request, like the Flask error handler registered for {@code
 * StatelessAuthError} in flask-stateless-auth.
 *
 * <p>When it is called, the manager has already set the RFC 6750 {@code WWW-Authenticate} header
 * for 400, 401 and 403, so an implementation chooses only the status and the body. It should send
 * the response headers; the manager closes the exchange afterwards (draining what is left of a
 * small request body, or closing the connection) and answers a bare 500 if the handler throws
 * before sending anything.
 */
@FunctionalInterface
public interface AuthErrorHandler {

  /** Answers {@code exchange} for {@code error}. */
  void handle(HttpExchange exchange, StatelessAuthError error) throws IOException;

  /**
   * The default: status {@code error.code()} with the body {@code {"error": "<fullMsg>"}} as
   * {@code application/json; charset=utf-8} (no body for {@code HEAD}).
   */
  static AuthErrorHandler json() {
    return JsonErrorHandler.INSTANCE;
  }
}
