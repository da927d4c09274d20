package io.statelessauth.benchmarks.app;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.annotations.TokenRequired;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@link SecretApi#secret}'s greeting on a route that accepts two schemes: access tokens ({@code
 * Bearer}) and API keys ({@code ApiKey}), for the cost of a route of several schemes.
 */
public final class MachineApi {

  /** Answers 200 with {@code hello <name>}, to either scheme. */
  @TokenRequired(scopes = Accounts.SCOPE, authType = {"Bearer", "ApiKey"})
  public void secret(HttpExchange exchange, User user) throws IOException {
    byte[] body = user.greeting();
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
