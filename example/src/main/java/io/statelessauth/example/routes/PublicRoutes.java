package io.statelessauth.example.routes;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.example.accounts.Accounts;
import io.statelessauth.example.accounts.Credentials;
import io.statelessauth.example.auth.StatelessAuthManager;
import io.statelessauth.example.protection.ClientAddress;
import io.statelessauth.example.storage.User;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;

/**
 * The routes that take no token: registration, login, and the current-user probe. ({@code GET /}
 * takes one if it comes: see {@link MemberRoutes#hello}.)
 */
final class PublicRoutes {

  private final Accounts accounts;

  PublicRoutes(Accounts accounts) {
    this.accounts = accounts;
  }

  /** {@code POST /user {"username", "password"}}: 201 when registered, 409 when the name is taken. */
  void register(HttpExchange exchange) throws IOException {
    accounts.register(Credentials.from(Json.readObject(exchange)), clientAddress(exchange));
    Json.send(exchange, 201, Map.of("msg", "Success!"));
  }

  /**
   * {@code POST /create_token {"username", "password"}}: 201 with a new token pair (never to be
   * cached), or 401.
   */
  void createToken(HttpExchange exchange) throws IOException {
    Json.sendTokens(exchange,
        accounts.login(Credentials.from(Json.readObject(exchange)), clientAddress(exchange)));
  }

  /**
   * The address the connection comes from, which the throttles count by ({@link ClientAddress}).
   * Behind a reverse proxy every client has the proxy's address; the service does not trust
   * {@code X-Forwarded-For}, which any client can send.
   */
  private static InetAddress clientAddress(HttpExchange exchange) {
    return exchange.getRemoteAddress().getAddress();
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
