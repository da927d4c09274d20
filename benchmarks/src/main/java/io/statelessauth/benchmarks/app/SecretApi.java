package io.statelessauth.benchmarks.app;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.annotations.TokenRequired;
import io.statelessauth.benchmarks.reflective.ReflectiveTokenRequired;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The handler every benchmarked path ends in: it greets the user. {@code @TokenRequired} is read
 * by the processor; {@code @ReflectiveTokenRequired} says the same to the reflective library,
 * which cannot see {@code @TokenRequired} at run time (CLASS retention, by design).
 */
public final class SecretApi {

  /** Answers 200 with {@code hello <name>}. */
  @TokenRequired(scopes = Accounts.SCOPE)
  @ReflectiveTokenRequired(scopes = Accounts.SCOPE)
  public void secret(HttpExchange exchange, User user) throws IOException {
    byte[] body = user.greeting();
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
