package io.statelessauth;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** The default {@link AuthErrorHandler}: {@code {"error": "<fullMsg>"}} as JSON. */
final class JsonErrorHandler implements AuthErrorHandler {
  static final JsonErrorHandler INSTANCE = new JsonErrorHandler();

  private JsonErrorHandler() {}

  @Override
  public void handle(HttpExchange exchange, StatelessAuthError error) throws IOException {
    byte[] body = error.jsonBody();
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(error.code(), -1);
      return;
    }
    exchange.sendResponseHeaders(error.code(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
