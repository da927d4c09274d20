package io.statelessauth;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/** What the runtime reads of a request besides its credentials: how logs name it, and CORS preflights. */
final class Requests {

  private Requests() {}

  /** The method and path of the request for log lines; never the query, which may carry secrets. */
  static String describe(HttpExchange exchange) {
    return exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
  }

  /**
   * Whether the request is a CORS preflight: {@code OPTIONS} with both {@code Origin} and {@code
   * Access-Control-Request-Method} (Fetch standard, "CORS-preflight request").
   */
  static boolean isPreflight(HttpExchange exchange) {
    if (!"OPTIONS".equals(exchange.getRequestMethod())) {
      return false;
    }
    Headers headers = exchange.getRequestHeaders();
    return headers.containsKey("Origin") && headers.containsKey("Access-Control-Request-Method");
  }
}
