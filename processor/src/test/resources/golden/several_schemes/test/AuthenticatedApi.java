package test;

import com.sun.net.httpserver.HttpHandler;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The authenticated handlers of {@code test.Api}: each checks the request's token, then calls the method of the same name.
 */
@Generated("io.statelessauth.processor.StatelessAuthProcessor")
public final class AuthenticatedApi {
  private final HttpHandler bound;

  private final HttpHandler whoami;

  /**
   * Builds the handlers of {@code target}, each authenticating with {@code manager}.
   */
  public AuthenticatedApi(Api target, StatelessAuthManager manager) {
    Objects.requireNonNull(target, "target");
    this.bound = manager.handler(manager.route().authType("DPoP").build(),
        (exchange, token, user) -> target.bound(exchange));
    this.whoami = manager.handler(manager.route().authType("Bearer", "ApiKey").build(),
        (exchange, token, user) -> target.whoami(exchange, user));
  }

  /**
   * The handler that authenticates each request, then calls {@code Api.bound}.
   */
  public HttpHandler bound() {
    return bound;
  }

  /**
   * The handler that authenticates each request, then calls {@code Api.whoami}.
   */
  public HttpHandler whoami() {
    return whoami;
  }
}
