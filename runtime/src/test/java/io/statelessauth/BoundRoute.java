package io.statelessauth;

import com.sun.net.httpserver.Headers;

/**
 * A route bound to a manager's settings as the manager binds it for a handler, for the tests that
 * call the header parser and look at the refusals directly.
 */
record BoundRoute(StatelessAuthConfig config, AuthRoute route, RouteRefusals refusals) {

  static BoundRoute of(StatelessAuthConfig config, AuthRoute route) {
    return new BoundRoute(config, route, new RouteRefusals(config, route, route.authType()));
  }

  /** The default route of a manager with {@code config}. */
  static BoundRoute defaults(StatelessAuthConfig config) {
    return of(config, TestManager.builder().config(config).build().route().build());
  }

  /** What the parser reads from {@code headers} for this route. */
  String token(Headers headers) {
    return Credentials.token(headers, config.maxTokenLength(), route.optional(), refusals);
  }

  int maxTokenLength() {
    return config.maxTokenLength();
  }

  String authType() {
    return route.authType();
  }
}
