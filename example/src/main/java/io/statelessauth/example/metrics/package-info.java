/**
 * The meters, served as {@code GET /metrics} in the Prometheus text format on a port of their own
 * ({@code MetricsEndpoint}, at a {@code MetricsAddress}): authentication outcomes, the cache, the
 * connection pool, the JVM, and each request the {@code Router} answered ({@code RequestMetrics}).
 */
package io.statelessauth.example.metrics;
