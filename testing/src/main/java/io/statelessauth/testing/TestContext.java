package io.statelessauth.testing;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The root context of a {@link TestExchange}: the handler and filters it runs, and the exchange's attributes. */
final class TestContext extends HttpContext {
  private final Map<String, Object> attributes = new HashMap<>();
  private final List<Filter> filters;
  private HttpHandler handler;
  private Authenticator authenticator;

  TestContext(HttpHandler handler, List<Filter> filters) {
    this.handler = handler;
    this.filters = new ArrayList<>(filters);
  }

  @Override
  public HttpHandler getHandler() {
    return handler;
  }

  @Override
  public void setHandler(HttpHandler handler) {
    this.handler = handler;
  }

  @Override
  public String getPath() {
    return "/";
  }

  /** There is no server in memory: {@code null}. */
  @Override
  public HttpServer getServer() {
    return null;
  }

  @Override
  public Map<String, Object> getAttributes() {
    return attributes;
  }

  @Override
  public List<Filter> getFilters() {
    return filters;
  }

  @Override
  public Authenticator setAuthenticator(Authenticator auth) {
    Authenticator previous = authenticator;
    authenticator = auth;
    return previous;
  }

  @Override
  public Authenticator getAuthenticator() {
    return authenticator;
  }
}
