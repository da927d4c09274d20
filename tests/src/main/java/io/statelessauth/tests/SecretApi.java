package io.statelessauth.tests;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.CurrentStatelessUser;
import io.statelessauth.StatelessAuthError;
import io.statelessauth.annotations.TokenRequired;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The protected routes of the end-to-end test. */
public final class SecretApi {

  @TokenRequired
  void secret(HttpExchange exchange) throws IOException {
    send(exchange, 200, "{\"secret\": \"Stateless auth is awesome :O\"}");
  }

  /** Shows the injected user, the typed current user, the untyped one and the exchange's. */
  @TokenRequired
  void whoami(User user, HttpExchange exchange) throws IOException {
    send(
        exchange,
        200,
        user.name()
            + "|"
            + StatelessAuthManager.currentUser().name()
            + "|"
            + (CurrentStatelessUser.get() == user)
            + "|"
            + (exchange.getAttribute("current_stateless_user") == user));
  }

  @TokenRequired(tokenType = "refresh")
  void refresh(HttpExchange exchange, Token token, User user) throws IOException {
    send(exchange, 200, token.type() + " token of " + user.name());
  }

  @TokenRequired(scopes = "admin")
  void admin(HttpExchange exchange) throws IOException {
    send(exchange, 200, "admin");
  }

  /** Greets the caller by name, or a stranger on an anonymous request. */
  @TokenRequired(optional = true)
  void greet(HttpExchange exchange, Optional<User> user) throws IOException {
    send(exchange, 200, "hello " + user.map(User::name).orElse("stranger") + "|" + CurrentStatelessUser.get());
  }

  @TokenRequired(roles = {"admin", "support"})
  void staff(HttpExchange exchange, User user) throws IOException {
    send(exchange, 200, "staff " + user.name());
  }

  @TokenRequired
  void forbidden(HttpExchange exchange) {
    throw new StatelessAuthError("Not yours", 403, "Scope");
  }

  static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
