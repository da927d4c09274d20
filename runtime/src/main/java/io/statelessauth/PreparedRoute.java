package io.statelessauth;

/**
 * A route prepared for one manager, once, when its handler is built: what it requires, and for
 * each of its schemes the refusals and, when the manager has a cache, the cache's entries with the
 * loader that fills them. A route of several schemes also has its refusals for requests that
 * present none of them or more than one.
 */
final class PreparedRoute<T, U> {
  final AuthRoute route;
  /** One per scheme of the route, in its order. */
  final Scheme<T, U>[] schemes;
  /** {@link Scheme#refusals} of each of {@link #schemes}, in the same order. */
  final RouteRefusals[] schemeRefusals;
  /** A request that presents none of several schemes; {@code null} for a route of one scheme. */
  final Refusal noCredentials;
  /** A request that presents more than one of several schemes; {@code null} for a route of one scheme. */
  final Refusal severalSchemes;

  /** {@code route} with its {@code schemes}, one per scheme of the route, in its order. */
  PreparedRoute(AuthRoute route, Scheme<T, U>[] schemes) {
    this.route = route;
    this.schemes = schemes;
    this.schemeRefusals = new RouteRefusals[schemes.length];
    for (int i = 0; i < schemes.length; i++) {
      schemeRefusals[i] = schemes[i].refusals;
    }
    boolean several = schemes.length > 1;
    this.noCredentials = several ? RouteRefusals.noneOf(schemeRefusals) : null;
    this.severalSchemes = several ? RouteRefusals.severalOf(schemeRefusals) : null;
  }

  /** One scheme of a prepared route. */
  static final class Scheme<T, U> {
    final RouteRefusals refusals;
    /** The cache's entries for the route's token type and this scheme, or {@code null} without a cache. */
    final AuthCache.Segment<Authentication<T, U>> cached;
    /** Loads a token and its user into {@link #cached}; {@code null} without a cache. */
    final AuthCache.Loader<Authentication<T, U>> loader;

    Scheme(RouteRefusals refusals, AuthCache.Segment<Authentication<T, U>> cached,
        AuthCache.Loader<Authentication<T, U>> loader) {
      this.refusals = refusals;
      this.cached = cached;
      this.loader = loader;
    }
  }
}
