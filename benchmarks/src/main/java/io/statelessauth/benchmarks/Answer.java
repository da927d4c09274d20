package io.statelessauth.benchmarks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.testing.TestExchange;
import io.statelessauth.testing.TestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a path answered one request: status, response headers and body. Every benchmark serves its
 * requests through {@link #serve}, and checks what each path answers, through {@link #of}, before
 * anything is timed.
 */
record Answer(int status, Headers headers, byte[] body) {

  /** Serves {@code exchange}, reset first, through {@code handler}; returns the status. */
  static int serve(HttpHandler handler, TestExchange exchange) throws IOException {
    exchange.reset();
    handler.handle(exchange);
    return exchange.getResponseCode();
  }

  /** Serves {@code exchange} once through {@code handler}, which must finish the response. */
  static Answer of(HttpHandler handler, TestExchange exchange) throws IOException {
    int status = serve(handler, exchange);
    TestResponse response = exchange.response();
    if (!response.complete()) {
      throw new IllegalStateException(handler + " did not finish its response: " + response);
    }
    Headers headers = new Headers();
    headers.putAll(exchange.getResponseHeaders());
    return new Answer(status, headers, response.body());
  }

  @Override
  public String toString() {
    return status + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
  }
}
