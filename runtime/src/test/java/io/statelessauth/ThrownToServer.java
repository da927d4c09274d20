package io.statelessauth;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A filter around a context that records what its handler throws to the server, and throws it on:
 * what a user's own logging filter would see.
 */
final class ThrownToServer extends Filter {
  /** What the handler threw, in order. */
  final BlockingQueue<Throwable> thrown = new LinkedBlockingQueue<>();

  private ThrownToServer() {}

  /** Records what the handler of {@code context} throws from now on. */
  static ThrownToServer around(HttpContext context) {
    ThrownToServer filter = new ThrownToServer();
    context.getFilters().add(filter);
    return filter;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    try {
      chain.doFilter(exchange);
    } catch (IOException | RuntimeException failure) {
      thrown.add(failure);
      throw failure;
    }
  }

  @Override
  public String description() {
    return "records what the handler throws";
  }
}
