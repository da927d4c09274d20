package io.statelessauth.example.metrics;

import java.util.Objects;

/**
 * Where the service serves its meters ({@link MetricsEndpoint}): off unless {@code
 * --metrics-port} gives a port, and on the loopback address unless {@code --metrics-host} names
 * another, whatever address the service itself listens on.
 *
 * @param host the address to listen on
 * @param port the port to listen on, 0 for a free one, or {@link #OFF_PORT} for no endpoint
 */
public record MetricsAddress(String host, int port) {

  /** The port of an endpoint that is off. */
  static final int OFF_PORT = -1;

  /** No endpoint; a port given later listens on the loopback address. */
  public static final MetricsAddress OFF = new MetricsAddress("127.0.0.1", OFF_PORT);

  public MetricsAddress {
    Objects.requireNonNull(host, "host");
  }

  /** Whether the service serves its meters. */
  public boolean enabled() {
    return port != OFF_PORT;
  }
}
