package io.statelessauth;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * What runs once a request is authenticated: the generated wrappers call the application's
 * {@code @TokenRequired} method from here, with the user already bound to the thread.
 *
 * @param <T> the token model
 * @param <U> the user
 */
@FunctionalInterface
public interface AuthenticatedCall<T, U> {

  /** Handles the authenticated request. */
  void call(HttpExchange exchange, T token, U user) throws IOException;
}
