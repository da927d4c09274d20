package test;

import com.sun.net.httpserver.HttpHandler;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The authenticated handlers of {@code test.Api}: each checks the request's token, then calls the method of the same name.
 */
@Generated("io.statelessauth.processor.StatelessAuthProcessor")
public final class AuthenticatedApi {
  private final HttpHandler greet;

  /**
   * Builds the handlers of {@code target}, each authenticating with {@code manager}.
   */
  public AuthenticatedApi(Api target, StatelessAuthManager manager) {
    Objects.requireNonNull(target, "target");
    this.greet = manager.handler(manager.route().optional().build(),
        (exchange, token, user) -> target.greet(exchange, Optional.ofNullable(user), Optional.ofNullable(token)));
  }

  /**
   * The handler that authenticates each request, then calls {@code Api.greet}.
   */
  public HttpHandler greet() {
    return greet;
  }
}
