package io.statelessauth.tests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.annotations.TokenRequired;
import java.io.IOException;

/** A handler class that is itself an HttpHandler, protected as a whole. */
public final class Ping implements HttpHandler {

  @TokenRequired
  @Override
  public void handle(HttpExchange exchange) throws IOException {
    SecretApi.send(exchange, 200, "pong");
  }
}
