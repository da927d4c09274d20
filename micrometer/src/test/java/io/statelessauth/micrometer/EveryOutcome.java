package io.statelessauth.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.AuthFailure;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;

/**
 * One request of each outcome, built from one token and one user name: authorized (twice, so that
 * a cache answers the second), anonymous, then every {@link AuthFailure}, with the directory's data
 * and cache emptied before each; every answer must have the status its scenario expects.
 */
final class EveryOutcome {
  /** How many requests {@link #drive} sends. */
  static final int REQUESTS = 3 + AuthFailure.values().length;

  private EveryOutcome() {}

  /** Sends the requests through {@code server}, which serves {@code directory}. */
  static void drive(Directory directory, AuthServer server, String token, String userName) throws IOException {
    Scenario authorized = Scenario.authorized(token, userName);
    send(directory, server, authorized);
    authorized.run(directory, server);
    send(directory, server, Scenario.anonymous(token, userName));
    for (AuthFailure reason : AuthFailure.values()) {
      send(directory, server, Scenario.refused(reason, token, userName));
    }
  }

  private static void send(Directory directory, AuthServer server, Scenario scenario) throws IOException {
    directory.forgetEverything();
    RawHttp.Response response = scenario.run(directory, server);
    assertEquals(scenario.status(), response.status(), response.body());
  }
}
