package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cache's lease: the cache answers only while its last renewal is younger than the lease;
 * past it every request calls the loader and nothing is kept, and the next renewal forgets every
 * entry first. The clock starts wherever {@code System.nanoTime} may stand, its wrap included.
 */
class AuthCacheLeaseTest {
  private static final long LEASE_NANOS = Duration.ofSeconds(1).toNanos();

  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger loads = new AtomicInteger();
  /** Answers the token with the number of the load, so that a reload shows. */
  private final AuthCache.Loader<String> loader = token -> token + " #" + loads.incrementAndGet();

  private AuthCache leased(long start) {
    now.set(start);
    return AuthCache.builder().maximumSize(10).expireAfterWrite(Duration.ofMinutes(5))
        .lease(Duration.ofNanos(LEASE_NANOS)).ticker(now::get).build();
  }

  @Test
  void withoutALeaseTheCacheAlwaysAnswersAndCannotBeRenewed() {
    AuthCache cache = AuthCache.builder().maximumSize(10).expireAfterWrite(Duration.ofMinutes(5))
        .ticker(now::get).build();
    AuthCache.Segment<String> access = cache.segment("access", "Bearer");

    assertTrue(cache.leaseHeld());
    assertEquals("t1 #1", access.get("t1", loader));
    now.addAndGet(Duration.ofMinutes(4).toNanos());
    assertEquals("t1 #1", access.get("t1", loader));
    assertEquals("this AuthCache has no lease to renew; set one with AuthCache.builder().lease(...)",
        assertThrows(IllegalStateException.class, cache::renewLease).getMessage());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -42, Long.MAX_VALUE - 10, Long.MIN_VALUE})
  void beforeItsFirstRenewalALeasedCacheCallsTheLoaderEveryTimeAndKeepsNothing(long start) {
    AuthCache cache = leased(start);
    AuthCache.Segment<String> access = cache.segment("access", "Bearer");

    assertFalse(cache.leaseHeld());
    assertEquals("t1 #1", access.get("t1", loader));
    assertEquals("t1 #2", access.get("t1", loader));

    AuthCache.Stats stats = cache.stats();
    assertEquals(0, stats.size());
    assertEquals(0, stats.hits());
    assertEquals(2, stats.misses());
    assertEquals(2, stats.loads());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -42, Long.MAX_VALUE - 10, Long.MIN_VALUE})
  void aRenewedLeaseAnswersFromTheCacheUntilItRunsOut(long start) {
    AuthCache cache = leased(start);
    AuthCache.Segment<String> access = cache.segment("access", "Bearer");
    cache.renewLease();

    assertEquals("t1 #1", access.get("t1", loader));
    now.addAndGet(LEASE_NANOS - 1);
    assertTrue(cache.leaseHeld());
    assertEquals("t1 #1", access.get("t1", loader));

    now.addAndGet(1);

    assertFalse(cache.leaseHeld());
    assertEquals("t1 #2", access.get("t1", loader), "past the lease the loader answers");
    assertEquals("t1 #3", access.get("t1", loader));
    assertEquals("t2 #4", access.get("t2", loader));
    assertEquals(1, cache.stats().size(), "nothing loaded past the lease is kept");
    assertEquals(1, cache.stats().hits());
  }

  @Test
  void renewingALeaseThatRanOutForgetsEveryEntryFirst() {
    AuthCache cache = leased(0);
    AuthCache.Segment<String> access = cache.segment("access", "Bearer");
    AuthCache.Segment<String> refresh = cache.segment("refresh", "Bearer");
    cache.renewLease();
    access.get("t1", loader);
    refresh.get("t2", loader);
    now.addAndGet(LEASE_NANOS);

    cache.renewLease();

    assertTrue(cache.leaseHeld());
    assertEquals(0, cache.stats().size());
    assertEquals(2, cache.stats().invalidations());
    assertEquals("t1 #3", access.get("t1", loader), "reloaded, not the entry from before the lapse");
    assertEquals("t1 #3", access.get("t1", loader), "and kept again");
  }

  @Test
  void renewingALeaseThatStillHoldsExtendsItAndKeepsTheEntries() {
    AuthCache cache = leased(0);
    AuthCache.Segment<String> access = cache.segment("access", "Bearer");
    cache.renewLease();
    access.get("t1", loader);
    now.addAndGet(LEASE_NANOS - 1);

    cache.renewLease();
    now.addAndGet(LEASE_NANOS - 1);

    assertTrue(cache.leaseHeld(), "held a lease after the second renewal, past the first's end");
    assertEquals("t1 #1", access.get("t1", loader));
    assertEquals(0, cache.stats().invalidations());
    now.addAndGet(1);
    assertFalse(cache.leaseHeld());
  }

  @Test
  void aLeaseLongerThanTheClockCanCountNeverRunsOut() {
    now.set(Long.MAX_VALUE - 5);
    AuthCache cache = AuthCache.builder().maximumSize(10).expireAfterWrite(Duration.ofMinutes(5))
        .lease(Duration.ofDays(365L * 1000)).ticker(now::get).build();
    cache.renewLease();

    now.addAndGet(Duration.ofDays(365L * 200).toNanos());

    assertTrue(cache.leaseHeld());
  }

  @Test
  void aLoadStillRunningAcrossARenewalAfterALapseIsNotKept() throws Exception {
    AuthCache cache = leased(0);
    AuthCache.Segment<String> access = cache.segment("access", "Bearer");
    cache.renewLease();
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AuthCache.Loader<String> slow = token -> {
      loading.countDown();
      awaitQuietly(release);
      return token + " before the lapse";
    };
    CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> access.get("t1", slow));
    assertTrue(loading.await(30, TimeUnit.SECONDS));

    now.addAndGet(LEASE_NANOS);
    cache.renewLease();
    release.countDown();

    assertEquals("t1 before the lapse", request.get(30, TimeUnit.SECONDS), "its request still gets it");
    assertEquals(0, cache.stats().size());
    assertEquals("t1 #1", access.get("t1", loader));
  }

  @Test
  void aLoadStartedPastTheLeaseIsNotKeptEvenWhenTheLeaseIsRenewedDuringIt() throws Exception {
    AuthCache cache = leased(0);
    AuthCache.Segment<String> access = cache.segment("access", "Bearer");
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AuthCache.Loader<String> slow = token -> {
      loading.countDown();
      awaitQuietly(release);
      return token + " during the lapse";
    };
    CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> access.get("t1", slow));
    assertTrue(loading.await(30, TimeUnit.SECONDS));

    cache.renewLease();
    release.countDown();

    assertEquals("t1 during the lapse", request.get(30, TimeUnit.SECONDS));
    assertEquals(0, cache.stats().size());
    assertEquals("t1 #1", access.get("t1", loader));
  }

  @Test
  void theLeaseMustBePositive() {
    assertEquals("lease must be positive, was PT0S", assertThrows(IllegalArgumentException.class,
        () -> AuthCache.builder().lease(Duration.ZERO)).getMessage());
    assertEquals("lease must be positive, was PT-1S", assertThrows(IllegalArgumentException.class,
        () -> AuthCache.builder().lease(Duration.ofSeconds(-1))).getMessage());
    assertEquals("lease", assertThrows(NullPointerException.class, () -> AuthCache.builder().lease(null)).getMessage());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the load");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
