package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/**
 * The exchange the handler sees: its own user attribute, everything else the server's. Driven
 * with a stub exchange so that the HTTPS branch is covered too.
 */
class ExchangeWithUserTest {

  /** An HTTPS exchange whose attributes live in one map, like the JDK's per-context map. */
  private static final class StubExchange extends HttpsExchange {
    final Map<String, Object> sharedAttributes = new HashMap<>();
    final Headers requestHeaders = new Headers();
    final Headers responseHeaders = new Headers();
    final InputStream requestBody = new ByteArrayInputStream(new byte[0]);
    final OutputStream responseBody = new ByteArrayOutputStream();
    final InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 1111);
    final InetSocketAddress local = new InetSocketAddress("127.0.0.1", 2222);
    final HttpPrincipal principal = new HttpPrincipal("user", "realm");
    int responseCode = -1;
    long responseLength;
    boolean closed;

    @Override public SSLSession getSSLSession() { return null; }
    @Override public Headers getRequestHeaders() { return requestHeaders; }
    @Override public Headers getResponseHeaders() { return responseHeaders; }
    @Override public URI getRequestURI() { return URI.create("/stub?x=1"); }
    @Override public String getRequestMethod() { return "PATCH"; }
    @Override public HttpContext getHttpContext() { return null; }
    @Override public void close() { closed = true; }
    @Override public InputStream getRequestBody() { return requestBody; }
    @Override public OutputStream getResponseBody() { return responseBody; }
    @Override public void sendResponseHeaders(int rCode, long length) { responseCode = rCode; responseLength = length; }
    @Override public InetSocketAddress getRemoteAddress() { return remote; }
    @Override public int getResponseCode() { return responseCode; }
    @Override public InetSocketAddress getLocalAddress() { return local; }
    @Override public String getProtocol() { return "HTTP/1.1"; }
    @Override public Object getAttribute(String name) { return sharedAttributes.get(name); }
    @Override public void setAttribute(String name, Object value) { sharedAttributes.put(name, value); }
    @Override public void setStreams(InputStream i, OutputStream o) {}
    @Override public HttpPrincipal getPrincipal() { return principal; }
  }

  @Test
  void httpsExchangeStaysAnHttpsExchange() {
    StubExchange stub = new StubExchange();

    HttpExchange wrapped = ExchangeWithUser.of(stub, "alice");

    assertInstanceOf(HttpsExchange.class, wrapped);
    assertEquals("alice", wrapped.getAttribute(ExchangeWithUser.USER_ATTRIBUTE));
    assertNull(stub.sharedAttributes.get(ExchangeWithUser.USER_ATTRIBUTE));
  }

  @Test
  void plainExchangeIsNotPresentedAsHttps() throws Exception {
    try (TestServer server = TestServer.start()) {
      AtomicReference<Boolean> seen = new AtomicReference<>();
      TestManager manager = new TestManager();
      server.context("/", manager.handler(manager.route().build(), (exchange, token, user) -> {
        seen.set(exchange instanceof HttpsExchange);
        TestServer.respond(exchange, 200, "ok");
      }));

      assertEquals(200, server.getWith("/", "Bearer alice-token").statusCode());
      assertEquals(false, seen.get());
    }
  }

  @Test
  void userAttributeBelongsToTheWrapperAndOthersToTheServer() {
    StubExchange stub = new StubExchange();
    HttpExchange wrapped = ExchangeWithUser.of(stub, "alice");
    stub.sharedAttributes.put("app", "from the context");

    wrapped.setAttribute(ExchangeWithUser.USER_ATTRIBUTE, "bob");
    wrapped.setAttribute("other", "through");

    assertEquals("bob", wrapped.getAttribute(ExchangeWithUser.USER_ATTRIBUTE));
    assertEquals("from the context", wrapped.getAttribute("app"));
    assertEquals("through", stub.sharedAttributes.get("other"));
    assertNull(stub.sharedAttributes.get(ExchangeWithUser.USER_ATTRIBUTE));
  }

  @Test
  void everyOtherMethodDelegates() throws Exception {
    StubExchange stub = new StubExchange();
    HttpsExchange wrapped = (HttpsExchange) ExchangeWithUser.of(stub, "alice");

    assertSame(stub.requestHeaders, wrapped.getRequestHeaders());
    assertSame(stub.responseHeaders, wrapped.getResponseHeaders());
    assertEquals(URI.create("/stub?x=1"), wrapped.getRequestURI());
    assertEquals("PATCH", wrapped.getRequestMethod());
    assertNull(wrapped.getHttpContext());
    assertSame(stub.requestBody, wrapped.getRequestBody());
    assertSame(stub.responseBody, wrapped.getResponseBody());
    assertSame(stub.remote, wrapped.getRemoteAddress());
    assertSame(stub.local, wrapped.getLocalAddress());
    assertEquals("HTTP/1.1", wrapped.getProtocol());
    assertSame(stub.principal, wrapped.getPrincipal());
    assertNull(wrapped.getSSLSession());
    assertEquals(-1, wrapped.getResponseCode());
    wrapped.sendResponseHeaders(204, -1);
    assertEquals(204, stub.responseCode);
    assertEquals(204, wrapped.getResponseCode());
    wrapped.close();
    assertTrue(stub.closed);
  }
}
