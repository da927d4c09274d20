/**
 * Micrometer meters for stateless-auth. {@link io.statelessauth.micrometer.MicrometerAuthListener}
 * counts {@code stateless.auth.requests} by outcome and refusal reason; {@link
 * io.statelessauth.micrometer.AuthCacheMetrics} binds an {@link io.statelessauth.AuthCache}'s
 * figures as {@code stateless.auth.cache.*}. Every tag value comes from a fixed set, so no meter
 * can carry a token, a user name or a path, and the number of time series is fixed.
 */
package io.statelessauth.micrometer;
