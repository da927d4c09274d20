/**
 * The stateless-auth runtime: the request steps behind the handlers that the processor
 * generates. Needs nothing beyond {@code java.base} and {@code jdk.httpserver}.
 */
module io.statelessauth.runtime {
  requires transitive jdk.httpserver;

  exports io.statelessauth;
}
