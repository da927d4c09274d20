package io.statelessauth.tests;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.AuthErrorHandler;
import io.statelessauth.AuthListener;
import io.statelessauth.StatelessAuthError;
import java.io.IOException;

/**
 * An {@link AuthListener} and an {@link AuthErrorHandler} that fail when the request asks them to,
 * by its {@value #HEADER} header; otherwise the listener does nothing and the error handler is the
 * default JSON one. A fault thus belongs to one request and cannot leak into another test.
 */
final class HeaderFaults implements AuthListener, AuthErrorHandler {
  static final String HEADER = "X-Fault";
  static final String ON_AUTHORIZED_THROWS = "onAuthorized-throws";
  static final String ON_AUTHORIZED_REFUSES = "onAuthorized-refuses";
  static final String ON_UNAUTHORIZED_THROWS = "onUnauthorized-throws";
  static final String ERROR_HANDLER_THROWS = "errorHandler-throws";
  static final String ERROR_HANDLER_THROWS_IO = "errorHandler-throws-io";

  private static boolean asked(HttpExchange exchange, String fault) {
    return fault.equals(exchange.getRequestHeaders().getFirst(HEADER));
  }

  @Override
  public void onAuthorized(HttpExchange exchange, Object user) {
    if (asked(exchange, ON_AUTHORIZED_THROWS)) {
      throw new IllegalStateException("listener bug in onAuthorized");
    }
    if (asked(exchange, ON_AUTHORIZED_REFUSES)) {
      throw new StatelessAuthError("Rate limited", 429, "Request");
    }
  }

  @Override
  public void onUnauthorized(HttpExchange exchange, StatelessAuthError error) {
    if (asked(exchange, ON_UNAUTHORIZED_THROWS)) {
      throw new IllegalStateException("listener bug in onUnauthorized");
    }
  }

  @Override
  public void handle(HttpExchange exchange, StatelessAuthError error) throws IOException {
    if (asked(exchange, ERROR_HANDLER_THROWS)) {
      throw new IllegalStateException("error handler bug");
    }
    if (asked(exchange, ERROR_HANDLER_THROWS_IO)) {
      throw new IOException("error page template missing");
    }
    AuthErrorHandler.json().handle(exchange, error);
  }
}
