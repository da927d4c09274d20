/**
 * Micrometer meters for stateless-auth: {@link io.statelessauth.micrometer.MicrometerAuthListener}
 * counts requests by authentication outcome and refusal reason, {@link
 * io.statelessauth.micrometer.AuthCacheMetrics} exposes an authentication cache's figures.
 */
// micrometer-core is an automatic module (its jar names itself micrometer.core); its types are in
// this module's API, so users read it too.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.statelessauth.micrometer {
  requires transitive io.statelessauth.runtime;
  requires transitive micrometer.core;

  exports io.statelessauth.micrometer;
}
