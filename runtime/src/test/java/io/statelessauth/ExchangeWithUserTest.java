package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exchange the handler sees: its own user attribute, everything else the server's. Driven with
 * stub exchanges, plain and HTTPS, whose every method answers a value of its own, so that each
 * delegation is checked, not only that something non-null comes back.
 */
class ExchangeWithUserTest {

  /** What both stubs answer and record; their attributes live in one map, like the JDK's per-context map. */
  private static final class Values {
    final Map<String, Object> sharedAttributes = new HashMap<>();
    final Headers requestHeaders = new Headers();
    final Headers responseHeaders = new Headers();
    final URI uri = URI.create("/stub?x=1");
    final HttpContext context;
    final InputStream requestBody = new ByteArrayInputStream(new byte[0]);
    final OutputStream responseBody = new ByteArrayOutputStream();
    final InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 1111);
    final InetSocketAddress local = new InetSocketAddress("127.0.0.1", 2222);
    final HttpPrincipal principal = new HttpPrincipal("user", "realm");
    final SSLSession session;
    int responseCode = -1;
    long responseLength;
    boolean closed;
    InputStream setInput;
    OutputStream setOutput;

    Values() throws Exception {
      context = HttpServer.create().createContext("/stub");
      session = SSLContext.getDefault().createSSLEngine().getSession();
    }
  }

  /** A plain exchange answering from {@code values}. */
  private static HttpExchange plain(Values values) {
    return new HttpExchange() {
      @Override public Headers getRequestHeaders() { return values.requestHeaders; }
      @Override public Headers getResponseHeaders() { return values.responseHeaders; }
      @Override public URI getRequestURI() { return values.uri; }
      @Override public String getRequestMethod() { return "PATCH"; }
      @Override public HttpContext getHttpContext() { return values.context; }
      @Override public void close() { values.closed = true; }
      @Override public InputStream getRequestBody() { return values.requestBody; }
      @Override public OutputStream getResponseBody() { return values.responseBody; }
      @Override public void sendResponseHeaders(int rCode, long length) {
        values.responseCode = rCode;
        values.responseLength = length;
      }
      @Override public InetSocketAddress getRemoteAddress() { return values.remote; }
      @Override public int getResponseCode() { return values.responseCode; }
      @Override public InetSocketAddress getLocalAddress() { return values.local; }
      @Override public String getProtocol() { return "HTTP/1.1"; }
      @Override public Object getAttribute(String name) { return values.sharedAttributes.get(name); }
      @Override public void setAttribute(String name, Object value) { values.sharedAttributes.put(name, value); }
      @Override public void setStreams(InputStream i, OutputStream o) {
        values.setInput = i;
        values.setOutput = o;
      }
      @Override public HttpPrincipal getPrincipal() { return values.principal; }
    };
  }

  /** An HTTPS exchange answering from {@code values}, through a plain one. */
  private static HttpsExchange secure(Values values) {
    HttpExchange plain = plain(values);
    return new HttpsExchange() {
      @Override public SSLSession getSSLSession() { return values.session; }
      @Override public Headers getRequestHeaders() { return plain.getRequestHeaders(); }
      @Override public Headers getResponseHeaders() { return plain.getResponseHeaders(); }
      @Override public URI getRequestURI() { return plain.getRequestURI(); }
      @Override public String getRequestMethod() { return plain.getRequestMethod(); }
      @Override public HttpContext getHttpContext() { return plain.getHttpContext(); }
      @Override public void close() { plain.close(); }
      @Override public InputStream getRequestBody() { return plain.getRequestBody(); }
      @Override public OutputStream getResponseBody() { return plain.getResponseBody(); }
      @Override public void sendResponseHeaders(int rCode, long length) throws IOException {
        plain.sendResponseHeaders(rCode, length);
      }
      @Override public InetSocketAddress getRemoteAddress() { return plain.getRemoteAddress(); }
      @Override public int getResponseCode() { return plain.getResponseCode(); }
      @Override public InetSocketAddress getLocalAddress() { return plain.getLocalAddress(); }
      @Override public String getProtocol() { return plain.getProtocol(); }
      @Override public Object getAttribute(String name) { return plain.getAttribute(name); }
      @Override public void setAttribute(String name, Object value) { plain.setAttribute(name, value); }
      @Override public void setStreams(InputStream i, OutputStream o) { plain.setStreams(i, o); }
      @Override public HttpPrincipal getPrincipal() { return plain.getPrincipal(); }
    };
  }

  static Stream<Arguments> exchanges() {
    return Stream.of(
        Arguments.of("plain", (Function<Values, HttpExchange>) ExchangeWithUserTest::plain),
        Arguments.of("https", (Function<Values, HttpExchange>) ExchangeWithUserTest::secure));
  }

  @Test
  void httpsExchangeStaysAnHttpsExchangeAndKeepsItsSession() throws Exception {
    Values values = new Values();

    HttpExchange wrapped = ExchangeWithUser.of(secure(values), "alice");

    assertInstanceOf(HttpsExchange.class, wrapped);
    assertSame(values.session, ((HttpsExchange) wrapped).getSSLSession());
    assertEquals("alice", wrapped.getAttribute(ExchangeWithUser.USER_ATTRIBUTE));
    assertNull(values.sharedAttributes.get(ExchangeWithUser.USER_ATTRIBUTE));
  }

  @Test
  void plainExchangeIsNotPresentedAsHttps() throws Exception {
    assertFalse(ExchangeWithUser.of(plain(new Values()), "alice") instanceof HttpsExchange);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void userAttributeBelongsToTheWrapperAndOthersToTheServer(String kind, Function<Values, HttpExchange> stub)
      throws Exception {
    Values values = new Values();
    HttpExchange wrapped = ExchangeWithUser.of(stub.apply(values), "alice");
    values.sharedAttributes.put("app", "from the context");

    assertEquals("alice", wrapped.getAttribute(ExchangeWithUser.USER_ATTRIBUTE));
    wrapped.setAttribute(ExchangeWithUser.USER_ATTRIBUTE, "bob");
    wrapped.setAttribute("other", "through");

    assertEquals("bob", wrapped.getAttribute(ExchangeWithUser.USER_ATTRIBUTE));
    assertEquals("from the context", wrapped.getAttribute("app"));
    assertEquals("through", values.sharedAttributes.get("other"));
    assertNull(values.sharedAttributes.get(ExchangeWithUser.USER_ATTRIBUTE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void everyOtherMethodReturnsWhatTheServersExchangeReturns(String kind, Function<Values, HttpExchange> stub)
      throws Exception {
    Values values = new Values();
    HttpExchange wrapped = ExchangeWithUser.of(stub.apply(values), "alice");

    assertSame(values.requestHeaders, wrapped.getRequestHeaders());
    assertSame(values.responseHeaders, wrapped.getResponseHeaders());
    assertSame(values.uri, wrapped.getRequestURI());
    assertEquals("PATCH", wrapped.getRequestMethod());
    assertSame(values.context, wrapped.getHttpContext());
    assertSame(values.requestBody, wrapped.getRequestBody());
    assertSame(values.responseBody, wrapped.getResponseBody());
    assertSame(values.remote, wrapped.getRemoteAddress());
    assertSame(values.local, wrapped.getLocalAddress());
    assertEquals("HTTP/1.1", wrapped.getProtocol());
    assertSame(values.principal, wrapped.getPrincipal());
    assertEquals(-1, wrapped.getResponseCode());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void everyCommandReachesTheServersExchange(String kind, Function<Values, HttpExchange> stub) throws Exception {
    Values values = new Values();
    HttpExchange wrapped = ExchangeWithUser.of(stub.apply(values), "alice");
    InputStream input = new ByteArrayInputStream(new byte[1]);
    OutputStream output = new ByteArrayOutputStream();

    wrapped.sendResponseHeaders(204, -1);
    wrapped.setStreams(input, output);
    wrapped.close();

    assertEquals(204, values.responseCode);
    assertEquals(-1, values.responseLength);
    assertEquals(204, wrapped.getResponseCode());
    assertSame(input, values.setInput);
    assertSame(output, values.setOutput);
    assertTrue(values.closed);
  }
}
