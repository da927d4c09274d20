package io.statelessauth.testing;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One request's {@code HttpExchange} held in memory, made by {@link TestRequest#exchange()}: no
 * socket, no thread. It keeps the rules of the JDK's {@code HttpServer} that handlers rely on:
 *
 * <ul>
 *   <li>header names in any case; request headers cannot be changed;
 *   <li>{@code sendResponseHeaders(code, -1)}: no body ({@code Content-length: 0}), and the exchange
 *       is closed at once; {@code 0}: chunked, any length ({@code Transfer-encoding: chunked});
 *       {@code n > 0}: exactly {@code n} bytes ({@code Content-length: n}), a write past them throws
 *       {@code IOException}, and closing the body before all {@code n} were written throws {@code
 *       IOException} and leaves the response unfinished;
 *   <li>for a {@code HEAD} request, a 204, a 304 or a 1xx status there is no body: the length is
 *       ignored, and the server adds no {@code Content-length} (except a 304's from the handler);
 *   <li>a second {@code sendResponseHeaders}, and a write before the first, throw {@code IOException};
 *       response headers changed after {@code sendResponseHeaders} are not sent;
 *   <li>{@link #close()} finishes the response (closing the request body and then the response
 *       body), or drops the connection when no response headers were sent; closing twice does
 *       nothing;
 *   <li>the request body is a stream read once, closed with the exchange;
 *   <li>attributes live in the exchange's {@link #getHttpContext() context}, which the server shares
 *       between every exchange of one context; here each exchange has a context of its own.
 * </ul>
 *
 * <p>Unlike the server, it sends no {@code Date} header (the one value that depends on the clock).
 * {@link #reset()} makes the exchange new again, so that a benchmark can serve it repeatedly without
 * allocating one per request.
 */
public final class TestExchange extends HttpExchange {
  private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 80);
  private static final InetSocketAddress REMOTE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);

  private final String method;
  private final URI uri;
  private final Headers requestHeaders;
  private final RequestBody requestBody;
  private final ResponseBody responseBody = new ResponseBody(this);
  private final Headers responseHeaders = new Headers();
  private Headers afterSending;
  private InputStream in;
  private OutputStream out;
  private HttpHandler handler;
  private List<Filter> filters = List.of();
  private TestContext context;
  private int status = -1;
  private boolean closed;
  private boolean connectionDropped;
  private Exception failure;

  TestExchange(String method, URI uri, ReadOnlyHeaders requestHeaders, byte[] body) {
    this.method = method;
    this.uri = uri;
    this.requestHeaders = requestHeaders;
    this.requestBody = new RequestBody(body);
    this.in = requestBody;
    this.out = responseBody;
  }

  /**
   * Makes this exchange new again: the request body unread, no response, no attributes, the streams
   * set by {@link #setStreams} forgotten. Allocates nothing once the exchange has served a request.
   */
  public void reset() {
    requestBody.rewind();
    responseBody.reset();
    responseHeaders.clear();
    afterSending = null;
    in = requestBody;
    out = responseBody;
    if (context != null) {
      context.getAttributes().clear();
    }
    status = -1;
    closed = false;
    connectionDropped = false;
    failure = null;
  }

  /** What the handler has answered on this exchange so far, as a client would see it. */
  public TestResponse response() {
    return responseWith(TestResponse.copy(responseHeaders));
  }

  /**
   * Runs {@code filters} and then {@code handler} here, as a context of them does, and returns the
   * response; an exception drops an unfinished response.
   */
  TestResponse serve(List<Filter> filters, HttpHandler handler) {
    this.handler = handler;
    this.filters = filters;
    try {
      if (filters.isEmpty()) {
        handler.handle(this);
      } else {
        new Filter.Chain(filters, handler).doFilter(this);
      }
    } catch (Exception e) {
      failure = e;
      if (!responseBody.finished()) {
        connectionDropped = true;
      }
    }
    // Served once: the response may keep the headers, which no one changes any more (a handler that
    // sent them gets a copy from getResponseHeaders()).
    return responseWith(responseHeaders);
  }

  /** What the handler has answered so far, with {@code headers} as the response headers. */
  private TestResponse responseWith(Headers headers) {
    return new TestResponse(status, headers, responseBody.bytes(), responseBody.finished(), connectionDropped,
        failure);
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  /**
   * The response headers; once sent, a copy of those that were sent, which the handler may read but
   * whose changes reach no client.
   */
  @Override
  public Headers getResponseHeaders() {
    if (status == -1) {
      return responseHeaders;
    }
    if (afterSending == null) {
      afterSending = new Headers();
      afterSending.putAll(responseHeaders);
    }
    return afterSending;
  }

  @Override
  public URI getRequestURI() {
    return uri;
  }

  @Override
  public String getRequestMethod() {
    return method;
  }

  /**
   * The root context ({@code /}) of a server that is not there: the handler and filters that {@link
   * TestRequest#send} runs (none for an exchange served by hand), and {@code getServer()} {@code null}.
   */
  @Override
  public HttpContext getHttpContext() {
    return context();
  }

  private TestContext context() {
    if (context == null) {
      context = new TestContext(handler, filters);
    }
    return context;
  }

  /**
   * Finishes the exchange: without response headers sent, the connection is dropped; otherwise the
   * request body and then the response body are closed, and a response body closed short of its
   * length drops the connection. Closing again does nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (status == -1) {
      connectionDropped = true;
      return;
    }
    try {
      requestBody.close();
      out.close();
    } catch (IOException e) {
      connectionDropped = true;
    }
  }

  @Override
  public InputStream getRequestBody() {
    return in;
  }

  @Override
  public OutputStream getResponseBody() {
    return out;
  }

  @Override
  public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
    if (status != -1) {
      throw new IOException("headers already sent");
    }
    long length = responseLength;
    boolean lengthHeader = true;
    if (rCode >= 100 && rCode < 200 || rCode == 204 || rCode == 304) {
      length = -1;
      lengthHeader = false;
    }
    boolean noBody = false;
    if (method.equals("HEAD") || rCode == 304) {
      noBody = true;
      responseBody.fixed(0);
    } else if (length == 0) {
      responseHeaders.set("Transfer-encoding", "chunked");
      responseBody.chunked();
    } else {
      if (length == -1) {
        noBody = true;
        length = 0;
      }
      if (lengthHeader) {
        responseHeaders.set("Content-length", Long.toString(length));
      }
      responseBody.fixed(length);
    }
    status = rCode;
    if (noBody) {
      close();
    }
  }

  /** Closes the request body, as the server does once the response body is closed. */
  void closeRequestBody() {
    requestBody.close();
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return REMOTE;
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return LOCAL;
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  /** The attribute {@code name} of this exchange's context, or {@code null}. */
  @Override
  public Object getAttribute(String name) {
    Objects.requireNonNull(name, "name");
    return context().getAttributes().get(name);
  }

  /**
   * Sets the attribute {@code name} of this exchange's context; {@code null} removes it, as on the
   * server of newer JDKs (JDK 17's throws a {@code NullPointerException}).
   */
  @Override
  public void setAttribute(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      context().getAttributes().remove(name);
    } else {
      context().getAttributes().put(name, value);
    }
  }

  /** Replaces the request body ({@code i}) or the response body ({@code o}) a filter wraps; {@code null} keeps one. */
  @Override
  public void setStreams(InputStream i, OutputStream o) {
    if (i != null) {
      in = i;
    }
    if (o != null) {
      out = o;
    }
  }

  /** No authenticator runs in memory: {@code null}. */
  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }
}
