/**
 * The stateless-auth test kit: {@link io.statelessauth.testing.TestRequest} runs any {@code
 * HttpHandler} on an in-memory exchange that keeps the JDK server's rules, on the calling thread.
 * Needs nothing beyond the runtime and {@code jdk.httpserver}.
 */
module io.statelessauth.testing {
  requires transitive jdk.httpserver;
  requires io.statelessauth.runtime;

  exports io.statelessauth.testing;
}
