package test;

import com.sun.net.httpserver.HttpHandler;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The authenticated handlers of {@code test.Api}: each checks the request's token, then calls the method of the same name.
 */
@Generated("io.statelessauth.processor.StatelessAuthProcessor")
public final class AuthenticatedApi {
  private final HttpHandler audit;

  private final HttpHandler purge;

  /**
   * Builds the handlers of {@code target}, each authenticating with {@code manager}.
   */
  public AuthenticatedApi(Api target, StatelessAuthManager manager) {
    Objects.requireNonNull(target, "target");
    this.audit = manager.handler(manager.route().roles("admin").build(),
        (exchange, token, user) -> Api.audit(exchange));
    this.purge = manager.handler(manager.route().tokenType("refresh").scopes("read", "write").roles("admin", "support").build(),
        (exchange, token, user) -> target.purge(token, exchange));
  }

  /**
   * The handler that authenticates each request, then calls {@code Api.audit}.
   */
  public HttpHandler audit() {
    return audit;
  }

  /**
   * The handler that authenticates each request, then calls {@code Api.purge}.
   */
  public HttpHandler purge() {
    return purge;
  }
}
