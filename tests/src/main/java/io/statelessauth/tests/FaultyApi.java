package io.statelessauth.tests;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.SecretTokens;
import io.statelessauth.StatelessAuthError;
import io.statelessauth.annotations.TokenRequired;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** Protected routes for the hardening tests: two that behave, and handlers that fail in each way a handler can. */
public final class FaultyApi {
  /** How many times any of these handlers was entered. */
  static final AtomicLong CALLS = new AtomicLong();

  /** Greets the user: the normal request that must still work after every fault. */
  @TokenRequired
  void ok(HttpExchange exchange, User user) throws IOException {
    CALLS.incrementAndGet();
    SecretApi.send(exchange, 200, "hello " + user.name());
  }

  /** Names the token it was given by its hash (never the token itself), for the fuzz oracle. */
  @TokenRequired
  void echo(HttpExchange exchange, Token token) throws IOException {
    CALLS.incrementAndGet();
    SecretApi.send(exchange, 200, "token " + SecretTokens.hash(token.secret()));
  }

  /** {@link #echo} on a route of two schemes: access tokens and API keys. */
  @TokenRequired(authType = {"Bearer", "ApiKey"})
  void echoEither(HttpExchange exchange, Token token) throws IOException {
    CALLS.incrementAndGet();
    SecretApi.send(exchange, 200, "token " + SecretTokens.hash(token.secret()));
  }

  @TokenRequired
  void failBeforeResponse(HttpExchange exchange) {
    CALLS.incrementAndGet();
    throw new IllegalStateException("handler bug before responding");
  }

  /** Promises 100 bytes, sends 7, then fails. */
  @TokenRequired
  void failAfterHeaders(HttpExchange exchange) throws IOException {
    CALLS.incrementAndGet();
    exchange.sendResponseHeaders(200, 100);
    OutputStream body = exchange.getResponseBody();
    body.write("partial".getBytes(StandardCharsets.US_ASCII));
    body.flush();
    throw new IllegalStateException("handler bug after the headers");
  }

  /** Starts a chunked body, sends one chunk, then fails. */
  @TokenRequired
  void failMidChunkedBody(HttpExchange exchange) throws IOException {
    CALLS.incrementAndGet();
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    body.write("partial".getBytes(StandardCharsets.US_ASCII));
    body.flush();
    throw new IllegalStateException("handler bug in the middle of a chunked body");
  }

  @TokenRequired
  void refuse(HttpExchange exchange) {
    CALLS.incrementAndGet();
    throw new StatelessAuthError("Not yours", 403, "Scope");
  }

  @TokenRequired
  void failWithIOException(HttpExchange exchange) throws IOException {
    CALLS.incrementAndGet();
    throw new IOException("disk gone");
  }
}
