package io.statelessauth;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** The filter of one route: the rest of the chain runs as the authenticated call. */
final class RouteFilter<T, U> extends Filter {
  private final AbstractStatelessAuthManager<T, U> manager;
  private final RouteBinding<T, U> binding;

  RouteFilter(AbstractStatelessAuthManager<T, U> manager, RouteBinding<T, U> binding) {
    this.manager = manager;
    this.binding = binding;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    manager.serve(exchange, binding, new ContinueChain(chain));
  }

  @Override
  public String description() {
    return "stateless-auth: requires " + binding.route;
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
