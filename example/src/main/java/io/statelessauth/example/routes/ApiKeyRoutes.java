package io.statelessauth.example.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.annotations.TokenRequired;
import io.statelessauth.example.accounts.Names;
import io.statelessauth.example.storage.ApiKeyStore;
import io.statelessauth.example.storage.User;
import java.io.IOException;
import java.util.Map;

/**
 * {@code /api_keys}: a user makes, lists and revokes the API keys of their machine clients. Every
 * route takes the user's access token only ({@code Bearer}), never a key: a key cannot make more
 * keys, nor see or revoke the others. Each method runs only through the generated {@code
 * AuthenticatedApiKeyRoutes}.
 */
final class ApiKeyRoutes {

  private final ApiKeyStore keys;

  ApiKeyRoutes(ApiKeyStore keys) {
    this.keys = keys;
  }

  /**
   * {@code POST /api_keys {"name"}}: 201 {@code {"id", "name", "api_key", "created"}} with {@code
   * Cache-Control: no-store}, the only answer that ever shows the key; 400 for a name that breaks
   * the user-name rules ({@link Names}); 409 when the user holds {@value ApiKeyStore#MAX_KEYS}
   * keys already.
   */
  @TokenRequired
  void create(HttpExchange exchange, User user) throws IOException {
    ApiKeyStore.IssuedKey issued;
    try {
      issued = keys.create(user.username(), name(Json.readObject(exchange)));
    } catch (ApiError e) {
      // Thrown past the generated handler, it would be a handler failure: 500.
      Json.sendError(exchange, e.status(), e.getMessage());
      return;
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Pragma", "no-cache");
    Json.send(exchange, 201, issued);
  }

  /** {@code GET /api_keys}: 200 {@code {"api_keys": [{"id", "name", "created", "last_used"}]}}. */
  @TokenRequired
  void list(HttpExchange exchange, User user) throws IOException {
    Json.send(exchange, 200, Map.of("api_keys", keys.list(user.username())));
  }

  /**
   * {@code DELETE /api_keys/{id}}: 200 when the caller's key {@code id} is revoked; 404 when the
   * caller has no such key, another user's included, so that ids cannot be probed.
   */
  @TokenRequired
  void revoke(HttpExchange exchange, User user) throws IOException {
    if (!keys.revoke(user.username(), Router.lastSegment(exchange))) {
      Json.sendError(exchange, 404, "No such API key");
      return;
    }
    Json.send(exchange, 200, Map.of("msg", "Success!"));
  }

  /** The {@code name} field, normalised as a user name is. */
  private static String name(JsonNode body) {
    JsonNode value = body.get("name");
    if (value == null || !value.isTextual()) {
      throw ApiError.badRequest("'name' must be a string");
    }
    return Names.normalised(Names.wellFormed(value.textValue(), "name"))
        .orElseThrow(() -> ApiError.badRequest(Names.rules("name")));
  }
}
