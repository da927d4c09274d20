package test;

import com.sun.net.httpserver.HttpHandler;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The authenticated handlers of {@code test.Outer.Inner}: each checks the request's token, then calls the method of the same name.
 */
@Generated("io.statelessauth.processor.StatelessAuthProcessor")
final class AuthenticatedOuter_Inner {
  private final HttpHandler secret;

  /**
   * Builds the handlers of {@code target}, each authenticating with {@code manager}.
   */
  public AuthenticatedOuter_Inner(Outer.Inner target, StatelessAuthManager manager) {
    Objects.requireNonNull(target, "target");
    this.secret = manager.handler(manager.route().build(),
        (exchange, token, user) -> target.secret(exchange, token));
  }

  /**
   * The handler that authenticates each request, then calls {@code Inner.secret}.
   */
  public HttpHandler secret() {
    return secret;
  }
}
