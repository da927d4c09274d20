package io.statelessauth;

/**
 * A route bound to one manager, made once when its handler is built: what it requires, its
 * ready-made refusals, and, when the manager has a cache, the cache's entries for the route's
 * token type and scheme with the loader that fills them.
 */
final class RouteBinding<T, U> {
  final AuthRoute route;
  final RouteRefusals refusals;
  /** The cache's entries for this route, or {@code null} without a cache. */
  final AuthCache.Segment<Authentication<T, U>> cached;
  /** Loads a token and its user into {@link #cached}; {@code null} without a cache. */
  final AuthCache.Loader<Authentication<T, U>> loader;

  RouteBinding(AuthRoute route, RouteRefusals refusals, AuthCache.Segment<Authentication<T, U>> cached,
      AuthCache.Loader<Authentication<T, U>> loader) {
    this.route = route;
    this.refusals = refusals;
    this.cached = cached;
    this.loader = loader;
  }
}
