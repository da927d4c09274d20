package io.statelessauth.example.storage;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.StatelessAuthError;
import io.statelessauth.example.routes.Router;

/**
 * The database cannot serve the request now: locked by another writer past the busy timeout,
 * read-only, or unreachable. Answered 503 {@code {"error": "Server error: Database unavailable,
 * try again later"}} with {@code Retry-After}; nothing of the request was written.
 *
 * <p>It is a {@link StatelessAuthError} so that the library answers it as it is when a loader or a
 * protected route throws it (a 5xx carries no {@code WWW-Authenticate} challenge, so clients do
 * not drop a valid token); the {@link Router} answers it the same way on the public routes.
 */
public final class DatabaseUnavailable extends StatelessAuthError {
  private static final long serialVersionUID = 1L;

  /** The {@code Retry-After} value, in seconds, of every 503. */
  static final int RETRY_AFTER_SECONDS = 5;

  DatabaseUnavailable() {
    super("Database unavailable, try again later", 503, "Server");
  }

  /** Sets {@code Retry-After} on the response, before its headers are sent. */
  public static void setRetryAfter(HttpExchange exchange) {
    exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
  }
}
