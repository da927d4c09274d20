package io.statelessauth.tests;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.SecretTokens;
import io.statelessauth.annotations.TokenRequired;
import java.io.IOException;
import java.util.Optional;

/**
 * Routes for people and machines: access tokens ({@code Bearer}) and API keys ({@code ApiKey}),
 * one scheme or both, required or optional, with a scope or roles. Each answers the caller's name
 * and the hash of the token it was given, so that a test sees which credentials reached it.
 */
public final class MachineApi {

  /** The schemes of the two-scheme routes, in their order. */
  static final String BEARER = "Bearer";
  static final String API_KEY = "ApiKey";

  @TokenRequired(authType = {BEARER, API_KEY})
  void either(HttpExchange exchange, User user, Token token) throws IOException {
    answer(exchange, user, token);
  }

  @TokenRequired(authType = {API_KEY, BEARER})
  void eitherKeyFirst(HttpExchange exchange, User user, Token token) throws IOException {
    answer(exchange, user, token);
  }

  @TokenRequired(authType = {BEARER, API_KEY}, optional = true)
  void eitherOptional(HttpExchange exchange, Optional<User> user) throws IOException {
    SecretApi.send(exchange, 200, user.map(User::name).orElse("anonymous"));
  }

  @TokenRequired(authType = {BEARER, API_KEY}, scopes = "admin")
  void eitherAdmin(HttpExchange exchange, User user, Token token) throws IOException {
    answer(exchange, user, token);
  }

  @TokenRequired(authType = {BEARER, API_KEY}, roles = {"admin", "support"})
  void eitherStaff(HttpExchange exchange, User user, Token token) throws IOException {
    answer(exchange, user, token);
  }

  @TokenRequired(authType = API_KEY)
  void key(HttpExchange exchange, User user, Token token) throws IOException {
    answer(exchange, user, token);
  }

  @TokenRequired(authType = API_KEY, optional = true)
  void keyOptional(HttpExchange exchange, Optional<User> user) throws IOException {
    SecretApi.send(exchange, 200, user.map(User::name).orElse("anonymous"));
  }

  @TokenRequired(authType = API_KEY, scopes = "admin")
  void keyAdmin(HttpExchange exchange, User user, Token token) throws IOException {
    answer(exchange, user, token);
  }

  @TokenRequired(authType = API_KEY, roles = {"admin", "support"})
  void keyStaff(HttpExchange exchange, User user, Token token) throws IOException {
    answer(exchange, user, token);
  }

  /** {@code <name> <hash of the token>}: never the token itself. */
  private static void answer(HttpExchange exchange, User user, Token token) throws IOException {
    SecretApi.send(exchange, 200, user.name() + " " + SecretTokens.hash(token.secret()));
  }
}
