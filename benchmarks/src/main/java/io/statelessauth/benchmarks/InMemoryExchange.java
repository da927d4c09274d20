package io.statelessauth.benchmarks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@code GET /secret} exchange held in memory, reused request after request: no socket, no
 * parsing, no copying of the response, so that a benchmark measures only what the handler does.
 * {@link #reset()} makes it new again; the response body is dropped as it is written, unless
 * {@link #recordBody} asks to keep it, as the benchmarks' set-up does to compare paths.
 */
public final class InMemoryExchange extends HttpExchange {
  private static final URI PATH = URI.create("/secret");
  private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
  private static final InetSocketAddress REMOTE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);

  private final Headers requestHeaders = new Headers();
  private final Headers responseHeaders = new Headers();
  private final Map<String, Object> attributes = new HashMap<>();
  private final InputStream requestBody = new ByteArrayInputStream(new byte[0]);
  private final ResponseBody responseBody = new ResponseBody();
  private int responseCode = -1;
  private boolean closed;

  /** A request whose {@code Authorization} header is {@code authorization}. */
  public InMemoryExchange(String authorization) {
    requestHeaders.add("Authorization", authorization);
  }

  /** A request without an {@code Authorization} header. */
  public InMemoryExchange() {}

  /** Forgets the previous response, ready for the next request. */
  public void reset() {
    responseHeaders.clear();
    if (responseBody.recorded != null) {
      responseBody.recorded.reset();
    }
    responseCode = -1;
    closed = false;
  }

  /** Keeps a copy of every body written from now on ({@code true}), or drops it ({@code false}). */
  public void recordBody(boolean record) {
    responseBody.recorded = record ? new ByteArrayOutputStream() : null;
  }

  /** The body written since the last {@link #reset()}, when {@link #recordBody} is on. */
  public byte[] body() {
    if (responseBody.recorded == null) {
      throw new IllegalStateException("recordBody(true) first");
    }
    return responseBody.recorded.toByteArray();
  }

  /** Whether the handler closed the exchange. */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return PATH;
  }

  @Override
  public String getRequestMethod() {
    return "GET";
  }

  /** There is no server, hence no context: {@code null}. */
  @Override
  public HttpContext getHttpContext() {
    return null;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public InputStream getRequestBody() {
    return requestBody;
  }

  @Override
  public OutputStream getResponseBody() {
    return responseBody;
  }

  @Override
  public void sendResponseHeaders(int rCode, long responseLength) {
    if (responseCode != -1) {
      throw new IllegalStateException("headers already sent");
    }
    responseCode = rCode;
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return REMOTE;
  }

  @Override
  public int getResponseCode() {
    return responseCode;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return LOCAL;
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  /** Not needed by any benchmarked path. */
  @Override
  public void setStreams(InputStream i, OutputStream o) {
    throw new UnsupportedOperationException("setStreams");
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }

  /**
   * Drops what is written, or keeps it when asked; closing it closes the exchange, as the JDK's
   * response stream does.
   */
  private final class ResponseBody extends OutputStream {
    ByteArrayOutputStream recorded;

    @Override
    public void write(int b) {
      if (recorded != null) {
        recorded.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (recorded != null) {
        recorded.write(b, off, len);
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
