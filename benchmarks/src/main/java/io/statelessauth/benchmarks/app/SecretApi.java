package io.statelessauth.benchmarks.app;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.annotations.TokenRequired;
import io.statelessauth.benchmarks.reflective.ReflectiveTokenRequired;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The handler every benchmarked path ends in: it greets the user. {@code @TokenRequired} is read
 * by the processor; {@code @ReflectiveTokenRequired} says the same to the reflective library,
 * which cannot see {@code @TokenRequired} at run time (CLASS retention, by design).
 */
public final class SecretApi {
  private static final byte[] ANONYMOUS = "hello stranger".getBytes(StandardCharsets.UTF_8);

  /** Answers 200 with {@code hello <name>}. */
  @TokenRequired(scopes = Accounts.SCOPE)
  @ReflectiveTokenRequired(scopes = Accounts.SCOPE)
  public void secret(HttpExchange exchange, User user) throws IOException {
    send(exchange, user.greeting());
  }

  /** The same greeting on an optional route: the user's when a valid token comes, a stranger's without one. */
  @TokenRequired(scopes = Accounts.SCOPE, optional = true)
  public void greet(HttpExchange exchange, Optional<User> user) throws IOException {
    send(exchange, user.isPresent() ? user.get().greeting() : ANONYMOUS);
  }

  /** The same greeting for users who hold the role {@value Accounts#ROLE}. */
  @TokenRequired(scopes = Accounts.SCOPE, roles = Accounts.ROLE)
  public void secretForRole(HttpExchange exchange, User user) throws IOException {
    send(exchange, user.greeting());
  }

  /** The stranger's greeting for the bare path of the anonymous request, without authentication. */
  public void greetStranger(HttpExchange exchange) throws IOException {
    send(exchange, ANONYMOUS);
  }

  private static void send(HttpExchange exchange, byte[] body) throws IOException {
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
