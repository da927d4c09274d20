package io.statelessauth.micrometer;

import static io.micrometer.core.tck.MeterRegistryAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statelessauth.AuthCache;
import io.statelessauth.AuthFailure;
import io.statelessauth.AuthListener;
import io.statelessauth.testsupport.LogCapture;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code stateless.auth.requests} as a dashboard reads it, counted from real requests to a real server. */
class MicrometerAuthListenerTest {
  private static final String TOKEN = "alice-token";
  private static final String USER = "alice";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** Keeps the runtime's log of the failures these tests cause off the console. */
  @BeforeEach
  void captureTheLog() {
    opened.add(LogCapture.of(LogCapture.RUNTIME, Level.ALL));
  }

  /** Stops the servers, then lets the log go, in the reverse of the order they were opened. */
  @AfterEach
  void closeEverything() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void everyOutcomeAndReasonIsRegisteredAtZeroWhenTheListenerIsMade() {
    new MicrometerAuthListener(registry);

    TreeSet<String> series = new TreeSet<>();
    for (Meter meter : registry.getMeters()) {
      assertEquals("stateless.auth.requests", meter.getId().getName());
      assertEquals(Meter.Type.COUNTER, meter.getId().getType());
      assertNotNull(meter.getId().getDescription());
      assertEquals(0.0, ((Counter) meter).count());
      series.add(meter.getId().getTag("outcome") + "/" + meter.getId().getTag("reason"));
    }
    assertEquals(new TreeSet<>(List.of("authorized/none", "anonymous/none",
        "refused/missing_credentials", "refused/multiple_credentials", "refused/malformed_credentials",
        "refused/unknown_token", "refused/expired_token", "refused/insufficient_scope", "refused/inactive_user",
        "refused/insufficient_role", "refused/unknown_user", "refused/application", "refused/server_error")),
        series);
    assertThat(registry).hasMeterWithNameAndTags("stateless.auth.requests",
        Tags.of("outcome", "refused", "reason", "unknown_token"));
  }

  static Stream<Arguments> everyReasonWithAndWithoutCache() {
    return Arrays.stream(AuthFailure.values())
        .flatMap(reason -> Stream.of(Arguments.of(reason, false), Arguments.of(reason, true)));
  }

  @ParameterizedTest(name = "{0}, cache: {1}")
  @MethodSource("everyReasonWithAndWithoutCache")
  void eachRefusalIsCountedOnceUnderItsReason(AuthFailure reason, boolean cached) throws IOException {
    Directory directory = directory(cached, new MicrometerAuthListener(registry));
    AuthServer server = serve(directory);
    Scenario scenario = Scenario.refused(reason, TOKEN, USER);

    RawHttp.Response response = scenario.run(directory, server);

    assertEquals(scenario.status(), response.status(), response.body());
    assertEquals(1.0, count("refused", reason.name().toLowerCase(Locale.ROOT)));
    assertEquals(1.0, total(), "no other outcome counted");
  }

  @Test
  void authorizedRequestsAreCountedWithReasonNone() throws IOException {
    Directory directory = directory(false, new MicrometerAuthListener(registry));
    AuthServer server = serve(directory);
    Scenario scenario = Scenario.authorized(TOKEN, USER);

    for (int i = 0; i < 3; i++) {
      assertEquals(200, scenario.run(directory, server).status());
    }

    assertEquals(3.0, count("authorized", "none"));
    assertEquals(3.0, total());
  }

  @Test
  void anonymousRequestsAreCountedWithReasonNone() throws IOException {
    Directory directory = directory(false, new MicrometerAuthListener(registry));
    AuthServer server = serve(directory);

    assertEquals("hello stranger", Scenario.anonymous(TOKEN, USER).run(directory, server).body());
    assertEquals("hello stranger", server.get(AuthServer.OPTIONAL).body());

    assertEquals(2.0, count("anonymous", "none"));
    assertEquals(2.0, total());
  }

  @Test
  void aRequestAuthorizedThenFailedByItsHandlerCountsAsBoth() throws IOException {
    Directory directory = directory(false, new MicrometerAuthListener(registry));
    AuthServer server = serve(directory);
    Scenario.authorized(TOKEN, USER).data().accept(directory);

    RawHttp.Response response = server.get(AuthServer.FAILING, "Authorization: Bearer " + TOKEN);

    assertEquals(500, response.status());
    assertEquals(1.0, count("authorized", "none"));
    assertEquals(1.0, count("refused", "server_error"));
  }

  @Test
  void listenersOnOneRegistryShareTheirCounters() throws IOException {
    MicrometerAuthListener first = new MicrometerAuthListener(registry);
    MicrometerAuthListener second = new MicrometerAuthListener(registry);
    Directory one = directory(false, first);
    Directory other = directory(false, second);
    Scenario scenario = Scenario.authorized(TOKEN, USER);

    scenario.run(one, serve(one));
    scenario.run(other, serve(other));

    assertEquals(13, registry.getMeters().size());
    assertEquals(2.0, count("authorized", "none"));
  }

  @Test
  void aListenerCombinedWithOthersStillCounts() throws IOException {
    AuthListener audit = new AuthListener() {};
    Directory directory = directory(false, AuthListener.all(audit, new MicrometerAuthListener(registry)));

    Scenario.refused(AuthFailure.UNKNOWN_TOKEN, TOKEN, USER).run(directory, serve(directory));

    assertEquals(1.0, count("refused", "unknown_token"));
  }

  @Test
  void aNullRegistryIsRefusedAtOnce() {
    NullPointerException thrown = assertThrows(NullPointerException.class, () -> new MicrometerAuthListener(null));
    assertEquals("registry", thrown.getMessage());
  }

  private Directory directory(boolean cached, AuthListener listener) {
    Directory.Builder builder = Directory.builder().listener(listener);
    if (cached) {
      builder.cache(AuthCache.builder().maximumSize(10).expireAfterWrite(Duration.ofHours(1)).build());
    }
    return builder.build();
  }

  private AuthServer serve(Directory directory) throws IOException {
    AuthServer server = new AuthServer(directory, "");
    opened.add(server);
    return server;
  }

  private double count(String outcome, String reason) {
    return registry.get("stateless.auth.requests").tag("outcome", outcome).tag("reason", reason).counter().count();
  }

  private double total() {
    return registry.get("stateless.auth.requests").counters().stream().mapToDouble(Counter::count).sum();
  }
}
