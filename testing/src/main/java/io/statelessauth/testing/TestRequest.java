package io.statelessauth.testing;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A request to send to a handler in memory: {@code TestRequest.get("/whoami").bearer(token)
 * .send(handler)} runs {@code handler} on the calling thread, on a new {@link TestExchange}, and
 * returns what it answered. A request can be sent any number of times, to any handlers; each send
 * gets an exchange of its own.
 *
 * <p>The request reaches the handler as the JDK's {@code HttpServer} would hand it over: header
 * values trimmed of spaces and control characters at both ends, a body announced by its {@code
 * Content-Length}, request headers that the handler cannot change. Once built, a request may be sent
 * from several threads at once; building it is for one thread.
 */
public final class TestRequest {
  private final String method;
  private final URI uri;
  private final Headers headers = new Headers();
  private byte[] body = new byte[0];
  /** What every exchange of this request reads, made once for all of them until the request changes. */
  private volatile ReadOnlyHeaders sent;

  private TestRequest(String method, String path) {
    this.method = requireToken(method, "method");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("A request path starts with '/': " + path);
    }
    this.uri = URI.create(path);
  }

  /** A {@code GET} of {@code path}, which may carry a query ({@code /search?q=x}). */
  public static TestRequest get(String path) {
    return new TestRequest("GET", path);
  }

  /** A {@code POST} to {@code path}. */
  public static TestRequest post(String path) {
    return new TestRequest("POST", path);
  }

  /** A {@code PUT} to {@code path}. */
  public static TestRequest put(String path) {
    return new TestRequest("PUT", path);
  }

  /** A {@code DELETE} of {@code path}. */
  public static TestRequest delete(String path) {
    return new TestRequest("DELETE", path);
  }

  /**
   * A request with any {@code method} (an RFC 9110 token such as {@code HEAD} or {@code OPTIONS}),
   * to {@code path}.
   */
  public static TestRequest method(String method, String path) {
    return new TestRequest(method, path);
  }

  /**
   * Adds a header field; adding a name twice sends two fields, as a client can. The value is trimmed
   * as the server trims it; a line break in it, which would end the field on the wire, is an {@code
   * IllegalArgumentException}.
   */
  public TestRequest header(String name, String value) {
    requireToken(name, "header name");
    Objects.requireNonNull(value, "value");
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("The value of header " + name + " holds a line break");
    }
    headers.add(name, trim(value));
    sent = null;
    return this;
  }

  /** Adds {@code Authorization: Bearer <token>}. */
  public TestRequest bearer(String token) {
    return header("Authorization", "Bearer " + Objects.requireNonNull(token, "token"));
  }

  /** Sets the body to {@code text} in UTF-8. */
  public TestRequest body(String text) {
    return body(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sets the body to a copy of {@code bytes}. */
  public TestRequest body(byte[] bytes) {
    this.body = bytes.clone();
    sent = null;
    return this;
  }

  /**
   * Runs {@code handler} on a new exchange of this request and returns its response. An exception
   * from the handler is kept in the response, as the server keeps it from the client (see {@link
   * TestResponse#connectionDropped()}); an {@code Error}, such as a failed assertion inside the
   * handler, is thrown on.
   */
  public TestResponse send(HttpHandler handler) {
    return exchange().serve(List.of(), Objects.requireNonNull(handler, "handler"));
  }

  /**
   * Runs {@code filter} in front of {@code handler}, as a context with that one filter does, on a new
   * exchange of this request, and returns its response.
   */
  public TestResponse send(Filter filter, HttpHandler handler) {
    return exchange().serve(List.of(Objects.requireNonNull(filter, "filter")), Objects.requireNonNull(handler, "handler"));
  }

  /**
   * A new exchange of this request, for a caller that runs the handler itself, for example the same
   * exchange again and again after {@link TestExchange#reset()} in a benchmark.
   */
  public TestExchange exchange() {
    if (sent == null) {
      Headers requestHeaders = new Headers();
      requestHeaders.putAll(headers);
      if (body.length > 0 && !requestHeaders.containsKey("Content-Length")) {
        requestHeaders.set("Content-Length", Integer.toString(body.length));
      }
      sent = new ReadOnlyHeaders(requestHeaders);
    }
    return new TestExchange(method, uri, sent, body);
  }

  @Override
  public String toString() {
    return method + " " + uri;
  }

  /** Strips what the server strips from a field value: every character up to U+0020, at both ends. */
  private static String trim(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && value.charAt(end - 1) <= ' ') {
      end--;
    }
    return value.substring(start, end);
  }

  private static String requireToken(String text, String what) {
    Objects.requireNonNull(text, what);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("The " + what + " is empty");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        throw new IllegalArgumentException("The " + what + " is not an RFC 9110 token: " + text);
      }
    }
    return text;
  }
}
