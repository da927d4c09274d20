package io.statelessauth;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** The filter of one route: the rest of the chain runs as the authenticated call. */
final class RouteFilter<T, U> extends Filter {
  private final AbstractStatelessAuthManager<T, U> manager;
  private final PreparedRoute<T, U> prepared;

  RouteFilter(AbstractStatelessAuthManager<T, U> manager, PreparedRoute<T, U> prepared) {
    this.manager = manager;
    this.prepared = prepared;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    manager.serve(exchange, prepared, new ContinueChain(chain));
  }

  @Override
  public String description() {
    return "stateless-auth: requires " + prepared.route;
  }

  /** Continues a filter chain once the request is authenticated. */
  private static final class ContinueChain implements AuthenticatedCall<Object, Object> {
    private final Filter.Chain chain;

    ContinueChain(Filter.Chain chain) {
      this.chain = chain;
    }

    @Override
    public void call(HttpExchange exchange, Object token, Object user) throws IOException {
      chain.doFilter(exchange);
    }
  }
}
