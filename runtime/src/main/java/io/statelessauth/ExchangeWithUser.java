package io.statelessauth;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The exchange a handler sees when {@link StatelessAuthConfig#addContextProcessor()} is on: the
 * server's exchange, except that the attribute {@value #USER_ATTRIBUTE} belongs to this request.
 *
 * <p>The JDK's {@code HttpExchange.setAttribute} stores into the {@code HttpContext}'s map, which
 * every concurrent request of the context shares; storing the user there would let one request
 * read another's user. Every other attribute keeps the JDK's behaviour.
 */
final class ExchangeWithUser extends HttpExchange {
  /** The attribute name flask-stateless-auth's context processor uses. */
  static final String USER_ATTRIBUTE = "current_stateless_user";

  private final HttpExchange exchange;
  private Object user;

  private ExchangeWithUser(HttpExchange exchange, Object user) {
    this.exchange = exchange;
    this.user = user;
  }

  /** {@code exchange} with {@code user} as its own {@value #USER_ATTRIBUTE}; still an {@code HttpsExchange} when it was one. */
  static HttpExchange of(HttpExchange exchange, Object user) {
    if (exchange instanceof HttpsExchange) {
      return new Secure((HttpsExchange) exchange, user);
    }
    return new ExchangeWithUser(exchange, user);
  }

  @Override
  public Object getAttribute(String name) {
    return USER_ATTRIBUTE.equals(name) ? user : exchange.getAttribute(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    if (USER_ATTRIBUTE.equals(name)) {
      user = value;
    } else {
      exchange.setAttribute(name, value);
    }
  }

  @Override
  public Headers getRequestHeaders() {
    return exchange.getRequestHeaders();
  }

  @Override
  public Headers getResponseHeaders() {
    return exchange.getResponseHeaders();
  }

  @Override
  public URI getRequestURI() {
    return exchange.getRequestURI();
  }

  @Override
  public String getRequestMethod() {
    return exchange.getRequestMethod();
  }

  @Override
  public HttpContext getHttpContext() {
    return exchange.getHttpContext();
  }

  @Override
  public void close() {
    exchange.close();
  }

  @Override
  public InputStream getRequestBody() {
    return exchange.getRequestBody();
  }

  @Override
  public OutputStream getResponseBody() {
    return exchange.getResponseBody();
  }

  @Override
  public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
    exchange.sendResponseHeaders(rCode, responseLength);
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return exchange.getRemoteAddress();
  }

  @Override
  public int getResponseCode() {
    return exchange.getResponseCode();
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return exchange.getLocalAddress();
  }

  @Override
  public String getProtocol() {
    return exchange.getProtocol();
  }

  @Override
  public void setStreams(InputStream i, OutputStream o) {
    exchange.setStreams(i, o);
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return exchange.getPrincipal();
  }

  /**
   * The same view of an {@code HttpsExchange}, so that handlers can still reach the TLS session.
   * It delegates through an {@link ExchangeWithUser}, which keeps the user attribute.
   */
  private static final class Secure extends HttpsExchange {
    private final HttpsExchange secure;
    private final ExchangeWithUser exchange;

    Secure(HttpsExchange secure, Object user) {
      this.secure = secure;
      this.exchange = new ExchangeWithUser(secure, user);
    }

    @Override
    public javax.net.ssl.SSLSession getSSLSession() {
      return secure.getSSLSession();
    }

    @Override
    public Object getAttribute(String name) {
      return exchange.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
      exchange.setAttribute(name, value);
    }

    @Override
    public Headers getRequestHeaders() {
      return secure.getRequestHeaders();
    }

    @Override
    public Headers getResponseHeaders() {
      return secure.getResponseHeaders();
    }

    @Override
    public URI getRequestURI() {
      return secure.getRequestURI();
    }

    @Override
    public String getRequestMethod() {
      return secure.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
      return secure.getHttpContext();
    }

    @Override
    public void close() {
      secure.close();
    }

    @Override
    public InputStream getRequestBody() {
      return secure.getRequestBody();
    }

    @Override
    public OutputStream getResponseBody() {
      return secure.getResponseBody();
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
      secure.sendResponseHeaders(rCode, responseLength);
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return secure.getRemoteAddress();
    }

    @Override
    public int getResponseCode() {
      return secure.getResponseCode();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return secure.getLocalAddress();
    }

    @Override
    public String getProtocol() {
      return secure.getProtocol();
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
      secure.setStreams(i, o);
    }

    @Override
    public HttpPrincipal getPrincipal() {
      return secure.getPrincipal();
    }
  }
}
