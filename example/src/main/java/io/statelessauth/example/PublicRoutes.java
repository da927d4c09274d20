package io.statelessauth.example;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The routes anyone may call: the greeting, registration, login, and the current-user probe. */
final class PublicRoutes {

  private final Accounts accounts;

  PublicRoutes(Accounts accounts) {
    this.accounts = accounts;
  }

  /** {@code GET /}: 200 {@code hello}. */
  void hello(HttpExchange exchange) throws IOException {
    byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** {@code POST /user {"username", "password"}}: 201 when registered, 409 when the name is taken. */
  void register(HttpExchange exchange) throws IOException {
    accounts.register(Credentials.from(Json.readObject(exchange)));
    Json.send(exchange, 201, Map.of("msg", "Success!"));
  }

  /** {@code POST /create_token {"username", "password"}}: 201 with a new token pair, or 401. */
  void createToken(HttpExchange exchange) throws IOException {
    Json.send(exchange, 201, accounts.login(Credentials.from(Json.readObject(exchange))));
  }

  /**
   * {@code GET /no_current_stateless_user}: the name of the user bound to this thread, which is
   * {@code "None"} on a route without {@code @TokenRequired}; it shows that the library clears the
   * binding after every authenticated request, even on a reused worker thread.
   */
  void noCurrentUser(HttpExchange exchange) throws IOException {
    User user = StatelessAuthManager.currentUser();
    String name = user == null ? "None" : user.username();
    Json.send(exchange, 200, Map.of("current_stateless_username", name));
  }
}
