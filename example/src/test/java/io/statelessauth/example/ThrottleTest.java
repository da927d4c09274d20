package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.ServiceClient.Response;
import io.statelessauth.example.Settings.Limits;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What stops password guessing and CPU exhaustion: concurrent hashing bounded (503 beyond it),
 * failed logins throttled per name and per client address, registrations per client address
 * (429 with {@code Retry-After}), in memory that does not grow without bound.
 */
class ThrottleTest {

  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path folder;

  private final MutableClock clock = new MutableClock();

  private ExampleServer start(Limits limits) throws Exception {
    return ExampleServer.start(
        TestSettings.sqlite(folder.resolve("throttle.db")).withLimits(limits), clock);
  }

  private static void assertTooMany(Response response, String retryAfter) {
    assertEquals(429, response.status(), response.body());
    assertEquals(retryAfter, response.header("Retry-After"));
    assertEquals("Too many attempts, try again later", response.json().get("error").textValue());
  }

  @Test
  void aNameThatFailedTooOftenAnswers429UntilItRegainsAnAttemptEvenForTheRightPassword()
      throws Exception {
    try (ExampleServer server = start(new Limits(4, 3, 0, 0))) {
      ServiceClient client = new ServiceClient(server.uri());
      assertEquals(201, client.register("alice", PASSWORD).status());
      for (int i = 0; i < 3; i++) {
        assertEquals(401, client.createToken("alice", "wrong password").status());
      }

      assertTooMany(client.createToken("alice", PASSWORD), "60");
      assertTooMany(client.createToken("alice", "wrong password"), "60");
      assertEquals(201, client.register("bob", PASSWORD).status());
      assertEquals(201, client.createToken("bob", PASSWORD).status(), "other names go on");

      clock.advance(Limits.NAME_REFILL);
      assertEquals(201, client.createToken("alice", PASSWORD).status());
      assertEquals(401, client.createToken("alice", "wrong password").status(),
          "a success forgives the name");
    }
  }

  @Test
  void unknownNamesAreThrottledLikeKnownOnesSoThe429RevealsNothing() throws Exception {
    try (ExampleServer server = start(new Limits(4, 2, 0, 0))) {
      ServiceClient client = new ServiceClient(server.uri());
      for (int i = 0; i < 2; i++) {
        assertEquals(401, client.createToken("nobody", "wrong password").status());
      }

      assertTooMany(client.createToken("nobody", "wrong password"), "60");
    }
  }

  @Test
  void anAddressThatFailedTooOftenAnswers429ForEveryName() throws Exception {
    try (ExampleServer server = start(new Limits(4, 0, 5, 0))) {
      ServiceClient client = new ServiceClient(server.uri());
      assertEquals(201, client.register("carol", PASSWORD).status());
      for (int i = 0; i < 5; i++) {
        assertEquals(401, client.createToken("guess" + i, "wrong password").status());
      }

      assertTooMany(client.createToken("carol", PASSWORD), "6");

      clock.advance(Limits.ADDRESS_REFILL);
      assertEquals(201, client.createToken("carol", PASSWORD).status());
    }
  }

  @Test
  void anAddressThatRegisteredTooOftenAnswers429AndTakenNamesCountToo() throws Exception {
    try (ExampleServer server = start(new Limits(4, 0, 0, 3))) {
      ServiceClient client = new ServiceClient(server.uri());
      assertEquals(201, client.register("dave", PASSWORD).status());
      assertEquals(409, client.register("dave", PASSWORD).status());
      assertEquals(201, client.register("erin", PASSWORD).status());

      assertTooMany(client.register("frank", PASSWORD), "360");
      assertTooMany(client.register("dave", PASSWORD), "360");

      clock.advance(Limits.REGISTRATION_REFILL);
      assertEquals(201, client.register("frank", PASSWORD).status());
    }
  }

  @Test
  void aRefusedRequestNeitherHashesNorCountsAsAnotherFailure() throws Exception {
    try (ExampleServer server = start(new Limits(4, 1, 0, 0))) {
      ServiceClient client = new ServiceClient(server.uri());
      assertEquals(401, client.createToken("gina", "wrong password").status());
      for (int i = 0; i < 10; i++) {
        assertEquals(429, client.createToken("gina", "wrong password").status());
      }

      clock.advance(Limits.NAME_REFILL);
      assertEquals(401, client.createToken("gina", "wrong password").status(),
          "the refused attempts did not push the next one further away");
    }
  }

  @Test
  void loginsBeyondTheHashSlotsAnswer503AtOnceWithRetryAfter(@TempDir Path own)
      throws Exception {
    CountDownLatch hashing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Passwords blocking = new Passwords(1_000, (password, salt, iterations) -> {
      hashing.countDown();
      await(release);
      return Passwords.Pbkdf2.JDK.derive(password, salt, iterations);
    });
    Accounts accounts = accounts(own, blocking, new Limits(1, 0, 0, 0));
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<?> first = thread.submit(() -> {
        assertThrows(ApiError.class, () -> accounts.login(new Credentials("henry", PASSWORD), "a"));
      });
      assertTrue(hashing.await(10, TimeUnit.SECONDS));

      ApiError busy = assertThrows(ApiError.class,
          () -> accounts.login(new Credentials("ida", PASSWORD), "b"));
      ApiError busyRegistration = assertThrows(ApiError.class,
          () -> accounts.register(new Credentials("ida", PASSWORD), "b"));

      assertEquals(503, busy.status());
      assertEquals(1, busy.retryAfterSeconds());
      assertEquals(503, busyRegistration.status());
      release.countDown();
      first.get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      thread.shutdownNow();
    }
  }

  @Test
  void aBusyServiceAnswers503AsJsonWithRetryAfterOverHttp() throws Exception {
    Response response;
    try (ExampleServer server = start(new Limits(1, 0, 0, 0))) {
      ServiceClient client = new ServiceClient(server.uri());
      assertEquals(201, client.register("jack", PASSWORD).status());
      response = null;
      // Hold the only slot with a login in flight, then ask again: one of the two finds it taken.
      ExecutorService threads = Executors.newFixedThreadPool(8);
      try {
        for (int round = 0; round < 50 && response == null; round++) {
          List<Callable<Response>> logins =
              Collections.nCopies(8, () -> client.createToken("jack", PASSWORD));
          List<Future<Response>> answers = threads.invokeAll(logins);
          for (Future<Response> answer : answers) {
            if (answer.get().status() == 503) {
              response = answer.get();
            }
          }
        }
      } finally {
        threads.shutdownNow();
      }
    }
    assertNotNull(response, "eight logins at once never met a taken slot");
    assertEquals("1", response.header("Retry-After"));
    assertEquals("Server busy, try again later", response.json().get("error").textValue());
  }

  @Test
  void theThrottleForgetsTheLeastRecentlyUsedKeysBeyondItsBound() {
    Throttle throttle = new Throttle(1, Duration.ofHours(1), 3, clock);
    throttle.record("a");
    throttle.record("b");
    throttle.record("c");
    throttle.retryAfter("a");

    throttle.record("d");

    assertTrue(throttle.retryAfter("a").isPresent(), "a was used recently");
    assertEquals(Optional.empty(), throttle.retryAfter("b"), "b was forgotten");
    assertTrue(throttle.retryAfter("d").isPresent());
  }

  @Test
  void aThrottleRegainsOneEventPerRefillUpToItsBurst() {
    Throttle throttle = new Throttle(2, Duration.ofSeconds(10), 100, clock);
    throttle.record("k");
    throttle.record("k");
    assertEquals(Optional.of(Duration.ofSeconds(10)), throttle.retryAfter("k"));

    clock.advance(Duration.ofSeconds(4));
    assertEquals(Optional.of(Duration.ofSeconds(6)), throttle.retryAfter("k"));
    clock.advance(Duration.ofSeconds(6));
    assertEquals(Optional.empty(), throttle.retryAfter("k"));
    throttle.record("k");
    assertTrue(throttle.retryAfter("k").isPresent(), "one regained, one used");
    clock.advance(Duration.ofDays(1));
    throttle.record("k");
    assertEquals(Optional.empty(), throttle.retryAfter("k"), "never more than the burst regained");
  }

  private Accounts accounts(Path own, Passwords passwords, Limits limits) throws SQLException {
    Database database = TestSettings.database(own.resolve("slots.db"), 2);
    UserStore users = new UserStore(database, TestSettings.revocations(database));
    TokenStore tokens = new TokenStore(database, TestSettings.revocations(database), clock,
        Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(30));
    return new Accounts(users, tokens, passwords, limits, clock);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
