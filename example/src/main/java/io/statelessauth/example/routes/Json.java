package io.statelessauth.example.routes;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.example.storage.IssuedTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Reads JSON request bodies (at most {@link #MAX_BODY_BYTES}) and writes JSON responses, through
 * Jackson. Parsing is strict: duplicate keys and trailing content are malformed JSON.
 */
public final class Json {

  /** The largest request body the service reads: 64 KiB. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Json() {}

  /**
   * Reads the request body as a JSON object.
   *
   * @throws ApiError 413 when the body is larger than {@link #MAX_BODY_BYTES}, 400 when it is not
   *     one JSON object
   */
  static JsonNode readObject(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw ApiError.payloadTooLarge();
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw ApiError.badRequest("Malformed JSON body");
    }
    if (tree == null || !tree.isObject()) {
      throw ApiError.badRequest("The body must be a JSON object");
    }
    return tree;
  }

  /** Parses a JSON document, for clients of the service such as the {@code Demo}. */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new UncheckedIOException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as compact JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + value.getClass(), e);
    }
  }

  /**
   * Sends {@code body} as an {@code application/json} response with {@code status}; to a
   * {@code HEAD} request, the same headers without the body.
   */
  static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    sendBytes(exchange, status, bytes);
  }

  /**
   * Sends a newly issued token pair with 201, marked so that no cache keeps it ({@code
   * Cache-Control: no-store} and, for HTTP/1.0 caches, {@code Pragma: no-cache}; RFC 6749
   * §5.1).
   */
  static void sendTokens(HttpExchange exchange, IssuedTokens tokens) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Pragma", "no-cache");
    send(exchange, 201, tokens);
  }

  /**
   * Sends {@code bytes} as the body with {@code status}; to a {@code HEAD} request, only the
   * headers, with the {@code Content-Length} a {@code GET} would get, set by hand (the JDK's
   * server logs a warning for every {@code HEAD} response given a length to send).
   */
  static void sendBytes(HttpExchange exchange, int status, byte[] bytes) throws IOException {
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sends {@code {"error": message}} with {@code status}. */
  static void sendError(HttpExchange exchange, int status, String message) throws IOException {
    send(exchange, status, Map.of("error", message));
  }
}
