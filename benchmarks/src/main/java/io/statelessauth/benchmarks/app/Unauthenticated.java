package io.statelessauth.benchmarks.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@link SecretApi#secret} for a fixed user, without authentication: the floor every path is held against. */
public final class Unauthenticated implements HttpHandler {
  private final SecretApi api;
  private final User user;

  /** Calls {@code api} as {@code user}. */
  public Unauthenticated(SecretApi api, User user) {
    this.api = api;
    this.user = user;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    api.secret(exchange, user);
  }
}
