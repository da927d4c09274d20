package io.statelessauth.example.auth;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.AuthErrorHandler;
import io.statelessauth.StatelessAuthError;
import io.statelessauth.example.storage.DatabaseUnavailable;
import java.io.IOException;

/**
 * The library's JSON refusal, plus {@code Retry-After} on a 503, so that a client whose request
 * met an unavailable database knows to come back rather than to drop its token.
 */
public final class RetryAfterErrorHandler implements AuthErrorHandler {

  @Override
  public void handle(HttpExchange exchange, StatelessAuthError error) throws IOException {
    if (error.code() == 503) {
      DatabaseUnavailable.setRetryAfter(exchange);
    }
    AuthErrorHandler.json().handle(exchange, error);
  }
}
