package io.statelessauth.example.routes;

import io.statelessauth.example.accounts.Credentials;
import java.util.Map;

/** The routes {@link RouterTest} and {@link RouterOverTheWireTest} send their requests to. */
final class TestRoutes {

  private TestRoutes() {}

  /**
   * {@code POST /echo} answers the username of a credentials body, {@code DELETE /echo} an empty
   * object, {@code GET /taken} throws an {@link ApiError} 409, {@code GET /broken} any other
   * exception, and {@code GET /admin/users} answers 200.
   */
  static Router router() {
    return new Router()
        .route("POST", "/echo", exchange -> {
          Credentials credentials = Credentials.from(Json.readObject(exchange));
          Json.send(exchange, 200, Map.of("username", credentials.username()));
        })
        .route("DELETE", "/echo", exchange -> Json.send(exchange, 200, Map.of()))
        .route("GET", "/taken", exchange -> {
          throw ApiError.conflict("Username already taken");
        })
        .route("GET", "/broken", exchange -> {
          throw new IllegalStateException("bug");
        })
        .route("GET", "/admin/users", exchange -> Json.send(exchange, 200, Map.of("admin", true)));
  }
}
