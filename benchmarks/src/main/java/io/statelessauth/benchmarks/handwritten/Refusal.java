package io.statelessauth.benchmarks.handwritten;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One ready-made RFC 6750 refusal: status, {@code WWW-Authenticate} challenge and JSON body, all
 * computed once. Thrown without a stack trace by the steps that refuse a request.
 */
public final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String challenge;
  private final transient byte[] body;

  /** A refusal with {@code status}, {@code challenge} ({@code null} for none) and the body {@code {"error": "<text>"}}. */
  Refusal(int status, String challenge, String text) {
    super(text, null, false, false);
    this.status = status;
    this.challenge = challenge;
    this.body = ("{\"error\": \"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** Answers {@code exchange} with this refusal and closes it. */
  public void send(HttpExchange exchange) throws IOException {
    try {
      Headers headers = exchange.getResponseHeaders();
      if (challenge != null) {
        headers.set("WWW-Authenticate", challenge);
      }
      headers.set("Content-Type", "application/json; charset=utf-8");
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } finally {
      exchange.close();
    }
  }
}
