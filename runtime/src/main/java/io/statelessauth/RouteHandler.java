package io.statelessauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** The handler of one route: authenticates each request, then runs the route's call. */
final class RouteHandler<T, U> implements HttpHandler {
  private final AbstractStatelessAuthManager<T, U> manager;
  private final PreparedRoute<T, U> prepared;
  private final AuthenticatedCall<? super T, ? super U> call;

  RouteHandler(AbstractStatelessAuthManager<T, U> manager, PreparedRoute<T, U> prepared,
      AuthenticatedCall<? super T, ? super U> call) {
    this.manager = manager;
    this.prepared = prepared;
    this.call = call;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    manager.serve(exchange, prepared, call);
  }
}
