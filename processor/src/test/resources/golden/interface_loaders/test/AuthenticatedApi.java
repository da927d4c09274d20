package test;

import com.sun.net.httpserver.HttpHandler;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The authenticated handlers of {@code test.Api}: each checks the request's token, then calls the method of the same name.
 */
@Generated("io.statelessauth.processor.StatelessAuthProcessor")
public final class AuthenticatedApi {
  private final HttpHandler secret;

  /**
   * Builds the handlers of {@code target}, each authenticating with {@code manager}.
   */
  public AuthenticatedApi(Api target, StatelessAuthManager manager) {
    Objects.requireNonNull(target, "target");
    this.secret = manager.handler(manager.route().build(),
        (exchange, token, user) -> target.secret(exchange, user));
  }

  /**
   * The handler that authenticates each request, then calls {@code Api.secret}.
   */
  public HttpHandler secret() {
    return secret;
  }
}
