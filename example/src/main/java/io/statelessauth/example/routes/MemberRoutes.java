package io.statelessauth.example.routes;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.StatelessAuthError;
import io.statelessauth.annotations.TokenRequired;
import io.statelessauth.example.auth.ApiKeyScheme;
import io.statelessauth.example.auth.StatelessAuthManager;
import io.statelessauth.example.storage.ApiKeyStore;
import io.statelessauth.example.storage.DatabaseUnavailable;
import io.statelessauth.example.storage.IssuedTokens;
import io.statelessauth.example.storage.Token;
import io.statelessauth.example.storage.TokenStore;
import io.statelessauth.example.storage.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The routes that take a token: all of them need one but {@code GET /}, which greets the caller
 * by name when a valid one comes and anonymously without one. Each method runs only through the
 * generated {@code AuthenticatedMemberRoutes}, which checks the token and passes in what the
 * method asks for: the exchange, the {@link User}, the {@link Token}, in any order, and on the
 * optional route an {@code Optional<User>}, empty for an anonymous request. A store call that
 * finds the database unavailable throws {@link DatabaseUnavailable} before anything is sent,
 * which the library answers as it is: 503.
 */
final class MemberRoutes {

  private static final Map<String, String> SUCCESS = Map.of("msg", "Success!");

  private final TokenStore tokens;
  private final ApiKeyStore keys;

  MemberRoutes(TokenStore tokens, ApiKeyStore keys) {
    this.tokens = tokens;
    this.keys = keys;
  }

  /**
   * {@code GET /}: {@code hello} as plain text, as in the seed, or {@code hello <name>} when the
   * request carries a valid access token. A token that is not valid is refused (401), never taken
   * for no token; a request without one, or with another scheme, is anonymous and needs no
   * database.
   */
  @TokenRequired(optional = true)
  void hello(HttpExchange exchange, Optional<User> caller) throws IOException {
    String greeting = caller.map(user -> "hello " + user.username()).orElse("hello");
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    // A name may hold '<': no browser is to read the greeting as HTML.
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    Json.sendBytes(exchange, 200, greeting.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code DELETE /user}: deletes the caller's account and every token pair of theirs. */
  @TokenRequired
  void deleteUser(HttpExchange exchange, User user) throws IOException {
    tokens.deleteUser(user.username());
    Json.send(exchange, 200, SUCCESS);
  }

  /** {@code DELETE /delete_token}: revokes the pair the presented access token belongs to. */
  @TokenRequired
  void deleteToken(HttpExchange exchange, Token token) throws IOException {
    tokens.revoke(token);
    Json.send(exchange, 200, SUCCESS);
  }

  /**
   * {@code PUT /refresh_token} with the refresh token: replaces the pair with a new one of the
   * same family; the old access and refresh tokens stop working. When a concurrent request
   * rotated the pair first, the refresh token was used twice: the store revokes the family, and
   * the answer is 401, like any unknown token. The new pair is sent with {@code Cache-Control:
   * no-store}.
   */
  @TokenRequired(tokenType = TokenStore.REFRESH)
  void refreshToken(HttpExchange exchange, Token token) throws IOException {
    IssuedTokens issued = tokens.rotate(token).orElseThrow(() ->
        new StatelessAuthError("refresh token already used", 401, "Token"));
    Json.sendTokens(exchange, issued);
  }

  /**
   * {@code GET /secret}: the seed's secret, to an access token ({@code Authorization: Bearer}) or
   * an API key ({@code X-API-Key}).
   */
  @TokenRequired(authType = {"Bearer", ApiKeyScheme.SCHEME})
  void secret(HttpExchange exchange, Token token) throws IOException {
    keys.used(token);
    Json.send(exchange, 200, Map.of("secret", "Stateless auth is awesome :O"));
  }

  /**
   * {@code GET /whoami}: the caller's name, read from the current user as in the seed, to an
   * access token or an API key.
   */
  @TokenRequired(authType = {"Bearer", ApiKeyScheme.SCHEME})
  void whoami(HttpExchange exchange, Token token) throws IOException {
    keys.used(token);
    Json.send(exchange, 200, Map.of("my_username", StatelessAuthManager.currentUser().username()));
  }
}
