package io.statelessauth.example.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.example.testsupport.ServiceClient.Response;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for what another instance learns through the database: a revocation, a role change. The
 * wait is bounded, far beyond the 100 ms the example's README promises (a test is no benchmark,
 * and the machine may be busy; {@code example/load/revocation-latency.sh} measures the bound),
 * and the test fails when the answer never comes.
 */
public final class Eventually {

  /** How long a test waits for another instance to learn of a change. */
  public static final Duration PROPAGATION = Duration.ofSeconds(5);

  private Eventually() {}

  /**
   * Sends {@code request} until it answers {@code status}, for at most {@link #PROPAGATION};
   * fails the test when it never does, and returns the answer.
   */
  public static Response answers(int status, Supplier<Response> request) {
    long deadline = System.nanoTime() + PROPAGATION.toNanos();
    Response response = request.get();
    while (response.status() != status && System.nanoTime() < deadline) {
      response = request.get();
    }
    assertEquals(status, response.status(),
        "still answered after " + PROPAGATION.toSeconds() + " s: " + response.body());
    return response;
  }
}
