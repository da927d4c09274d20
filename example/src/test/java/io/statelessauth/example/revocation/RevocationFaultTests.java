package io.statelessauth.example.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.ExampleServer;
import io.statelessauth.example.cli.Settings;
import io.statelessauth.example.cli.Settings.AdminChanges;
import io.statelessauth.example.testsupport.ServiceClient;
import io.statelessauth.example.testsupport.ServiceClient.Pair;
import io.statelessauth.example.testsupport.ServiceClient.Response;
import io.statelessauth.example.testsupport.ServiceProcess;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the fault tests share: a <em>probed</em> instance in the test's JVM, whose revocation
 * channel the test breaks, and a <em>revoking</em> instance in a process of its own over the same
 * database, whose channel stays healthy. A token is held in the probed instance's cache, the
 * fault begins, the token is revoked on the other instance, and the probed one must refuse it
 * within {@link #REFUSED_WITHIN}: three times the design bound ({@link
 * RevocationChannel#STALENESS_BOUND}), above a busy machine's scheduling noise and far below the
 * cache's 60 s time to live, which is what a fault would cost without the bound. When the fault
 * ends, the probed instance answers from its cache again and hears revocations again, by itself.
 *
 * <p>A subclass starts both with {@link #startInstances} once its database is ready, and stops
 * them with {@link #stopInstances} before it stops the database.
 */
abstract class RevocationFaultTests {

  /** How long the probed instance may go on accepting a revoked token, whatever fails. */
  static final Duration REFUSED_WITHIN = RevocationChannel.STALENESS_BOUND.multipliedBy(3);
  /** How long the probed instance may take to answer from its cache again once a fault ended. */
  static final Duration RESUMED_WITHIN = Duration.ofSeconds(10);

  static final String PASSWORD = "correct horse battery staple";
  static final String OPS = "ops";

  private static final AtomicInteger USERS = new AtomicInteger();

  private ExampleServer probedServer;
  private ServiceProcess revokerProcess;
  private ServiceClient probed;
  private ServiceClient revoker;
  private String opsToken;

  /**
   * Registers {@value #OPS} on a first instance over the database of {@code settings}, then starts
   * the probed instance with {@code settings} and {@value #OPS} as its administrator, and the
   * revoking one in a process of its own over the same database.
   */
  void startInstances(Settings settings) throws Exception {
    try (ExampleServer first = ExampleServer.start(settings)) {
      assertEquals(201, new ServiceClient(first.uri()).register(OPS, PASSWORD).status());
    }
    probedServer = ExampleServer.start(settings.withAdmins(new AdminChanges(Set.of(OPS), Set.of())));
    probed = new ServiceClient(probedServer.uri());
    revokerProcess = ServiceProcess.startOn(settings.databaseUrl());
    revoker = probed.at(revokerProcess.uri());
    opsToken = probed.login(OPS, PASSWORD).access();
  }

  /** Stops the instances {@link #startInstances} started. */
  void stopInstances() throws Exception {
    if (revokerProcess != null) {
      revokerProcess.close();
    }
    if (probedServer != null) {
      probedServer.close();
    }
  }

  /** The instance in this JVM, whose channel breaks. */
  ServiceClient probed() {
    return probed;
  }

  /** The instance in another process, where tokens are revoked. */
  ServiceClient revoker() {
    return revoker;
  }

  /** A new user's pair, logged in on the probed instance and held in its cache. */
  Pair cachedOnTheProbed() {
    String username = "user" + USERS.incrementAndGet() + "-" + getClass().getSimpleName();
    assertEquals(201, probed().register(username, PASSWORD).status());
    Pair pair = probed().login(username, PASSWORD);
    awaitAnsweredFromTheCache(pair.access());
    return pair;
  }

  /**
   * Revokes {@code pair} on the other instance (trying again while its database answers 503, as
   * it may just after a restart) and returns how long the probed instance went on accepting it;
   * fails when that is more than {@link #REFUSED_WITHIN}.
   */
  Duration revokeAndAwaitRefusal(Pair pair) throws InterruptedException {
    long deadline = System.nanoTime() + RESUMED_WITHIN.toNanos();
    Response revoked = revoker().bearer("DELETE", "/delete_token", pair.access());
    while (revoked.status() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      revoked = revoker().bearer("DELETE", "/delete_token", pair.access());
    }
    assertEquals(200, revoked.status(), revoked.body());
    long revokedAt = System.nanoTime();
    int status = whoami(pair.access());
    while (status != 401 && System.nanoTime() - revokedAt < REFUSED_WITHIN.toNanos()) {
      status = whoami(pair.access());
    }
    Duration stale = Duration.ofNanos(System.nanoTime() - revokedAt);
    assertEquals(401, status, "still answered " + status + " " + stale.toMillis()
        + " ms after the revocation");
    return stale;
  }

  /**
   * The fault is over: the probed instance answers a new token from its cache again, and refuses
   * it, once revoked on the other instance, within the bound.
   */
  void assertServiceResumed() throws InterruptedException {
    Pair pair = cachedOnTheProbed();
    revokeAndAwaitRefusal(pair);
  }

  /**
   * Waits until two requests in a row with {@code access} are answered from the probed
   * instance's cache (its counters of hits grow by two: that request and the next one reading
   * them); fails after {@link #RESUMED_WITHIN}.
   */
  void awaitAnsweredFromTheCache(String access) {
    long deadline = System.nanoTime() + RESUMED_WITHIN.toNanos();
    while (true) {
      long before = hits();
      assertEquals(200, whoami(access));
      long gained = hits() - before;
      if (gained == 2) {
        return;
      }
      assertTrue(System.nanoTime() < deadline, "the cache does not answer again: " + gained
          + " hits for two requests");
    }
  }

  private long hits() {
    Response counters = probed().bearer("GET", "/admin/auth-cache", opsToken);
    assertEquals(200, counters.status(), counters.body());
    return counters.json().get("hits").longValue();
  }

  int whoami(String access) {
    return probed().bearer("GET", "/whoami", access).status();
  }
}
