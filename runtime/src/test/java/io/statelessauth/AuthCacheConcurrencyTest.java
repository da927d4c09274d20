package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link AuthCache} under concurrent requests: one load per token, shared outcomes, invalidations
 * that win over a load in flight, the size bound. Every interleaving that matters is forced with
 * latches; the timeout only turns a request that waits forever into a failure.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AuthCacheConcurrencyTest {
  private static final int WAITERS = 8;
  /** How long a thread of a released test may take to end before it counts as stuck. */
  private static final long STUCK_MILLIS = 60_000;

  /**
   * The clock stands at 0, as {@code System.nanoTime} may (it counts from boot on Linux): no entry
   * expires during a test, and what a request gets must not depend on where the clock stands.
   */
  private final AuthCache cache =
      AuthCache.builder().maximumSize(64).expireAfterWrite(AuthCacheTest.TTL).ticker(() -> 0L).build();
  private final AuthCache.Segment<String> access = cache.segment("access", "Bearer");
  private final List<Request> started = new ArrayList<>();
  /** Counted down by the first loader call once it runs; it then waits for {@link #release}. */
  private final CountDownLatch loading = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger calls = new AtomicInteger();
  /** The thread of the first loader call. */
  private volatile Thread loaderThread;

  @AfterEach
  void releaseAndJoin() throws InterruptedException {
    release.countDown();
    for (Request request : started) {
      request.join(STUCK_MILLIS);
      assertFalse(request.isAlive(), "a request still waits after its load was released");
    }
  }

  /**
   * A loader whose first call blocks until {@link #release}, then runs {@code first} (which may
   * throw); every call that returns answers "token #n" for the n-th call.
   */
  private AuthCache.Loader<String> blockingFirstCall(Consumer<String> first) {
    return token -> {
      int call = calls.incrementAndGet();
      if (call == 1) {
        loaderThread = Thread.currentThread();
        loading.countDown();
        await(release);
        first.accept(token);
      }
      return token + " #" + call;
    };
  }

  @Test
  void concurrentMissesForOneTokenCallTheLoaderOnceAndShareTheValue() throws InterruptedException {
    AuthCache.Loader<String> loader = blockingFirstCall(token -> {});

    List<Request> requests = startAllWaiting(WAITERS, "t1", loader);
    release.countDown();

    for (Request request : requests) {
      assertEquals("t1 #1", request.result());
      assertFalse(request.interruptedAtEnd, "a request that nobody interrupted ended interrupted");
    }
    assertEquals(1, calls.get());
    AuthCache.Stats stats = cache.stats();
    assertEquals(WAITERS, stats.misses());
    assertEquals(1, stats.loads());
    assertEquals(1, stats.size());
    assertEquals("t1 #1", access.get("t1", loader));
  }

  @Test
  void failingSharedLoadGivesEveryWaiterTheSameExceptionAndCachesNothing() throws InterruptedException {
    StatelessAuthError revoked = new StatelessAuthError("Token revoked", 401, "Token");
    AuthCache.Loader<String> loader = blockingFirstCall(token -> {
      throw revoked;
    });

    List<Request> requests = startAllWaiting(WAITERS, "t1", loader);
    release.countDown();

    for (Request request : requests) {
      assertSame(revoked, request.failure());
    }
    assertEquals(0, cache.stats().size());
    assertEquals("t1 #2", access.get("t1", loader));
  }

  @Test
  void checkedExceptionOfASharedLoadReachesEveryWaiterUnchanged() throws InterruptedException {
    Exception down = new java.io.IOException("connection reset");
    AuthCache.Loader<String> loader = blockingFirstCall(token -> AuthCacheTest.sneakyThrow(down));

    List<Request> requests = startAllWaiting(WAITERS, "t1", loader);
    release.countDown();

    for (Request request : requests) {
      assertSame(down, request.failure());
    }
    assertEquals(0, cache.stats().size());
  }

  @Test
  void unknownTokenOfASharedLoadGivesEveryWaiterNullAndCachesNothing() throws InterruptedException {
    AtomicInteger unknownCalls = new AtomicInteger();
    AuthCache.Loader<String> loader = token -> {
      if (unknownCalls.incrementAndGet() == 1) {
        loading.countDown();
        await(release);
      }
      return null;
    };

    List<Request> requests = startAllWaiting(WAITERS, "t1", loader);
    release.countDown();

    for (Request request : requests) {
      assertNull(request.result());
    }
    assertEquals(1, unknownCalls.get());
    assertEquals(0, cache.stats().size());
    assertNull(access.get("t1", loader));
    assertEquals(2, unknownCalls.get());
  }

  @Test
  void interruptedWaiterKeepsWaitingGetsTheSharedValueAndKeepsItsInterruptStatus() throws InterruptedException {
    AuthCache.Loader<String> loader = blockingFirstCall(token -> {});
    List<Request> requests = startAllWaiting(2, "t1", loader);
    Request waiter = requests.get(0) == loaderThread ? requests.get(1) : requests.get(0);

    waiter.interrupt();
    release.countDown();

    for (Request request : requests) {
      assertEquals("t1 #1", request.result());
    }
    assertEquals("t1 #1", waiter.result());
    assertTrue(waiter.interruptedAtEnd, "the waiter's interrupt status is kept");
    assertEquals(1, calls.get());
    assertEquals(1, cache.stats().size());
    assertEquals("t1 #1", access.get("t1", loader));
  }

  @Test
  void invalidateDuringALoadKeepsItsValueOutOfTheCache() throws InterruptedException {
    assertInvalidationDuringALoadWins(() -> cache.invalidate("t1"));
  }

  @Test
  void invalidateHashDuringALoadKeepsItsValueOutOfTheCache() throws InterruptedException {
    assertInvalidationDuringALoadWins(() -> cache.invalidateHash(SecretTokens.hash("t1")));
  }

  @Test
  void invalidateAllDuringALoadKeepsItsValueOutOfTheCache() throws InterruptedException {
    assertInvalidationDuringALoadWins(cache::invalidateAll);
  }

  private void assertInvalidationDuringALoadWins(Runnable invalidation) throws InterruptedException {
    AuthCache.Loader<String> loader = blockingFirstCall(token -> {});
    Request first = Request.start(new CountDownLatch(0), access, "t1", loader);
    started.add(first);
    loading.await();

    invalidation.run();
    release.countDown();

    assertEquals("t1 #1", first.result(), "the request that loaded still gets what it loaded");
    assertEquals(0, cache.stats().size());
    assertEquals(0, cache.stats().invalidations(), "no entry was removed: the load was just not kept");
    assertEquals("t1 #2", access.get("t1", loader));
    assertEquals("t1 #2", access.get("t1", loader));
    assertEquals(2, calls.get());
  }

  @Test
  void requestAfterAnInvalidationLoadsAfreshInsteadOfWaitingForTheStaleLoad() throws InterruptedException {
    AuthCache.Loader<String> loader = blockingFirstCall(token -> {});
    Request first = Request.start(new CountDownLatch(0), access, "t1", loader);
    started.add(first);
    loading.await();
    cache.invalidate("t1");

    assertEquals("t1 #2", access.get("t1", loader), "loaded again while the stale load still runs");
    release.countDown();

    assertEquals("t1 #1", first.result());
    assertEquals("t1 #2", access.get("t1", loader), "the stale load did not replace the fresh entry");
    assertEquals(2, calls.get());
    assertEquals(1, cache.stats().size());
  }

  @Test
  void invalidationAfterALoadStoredItsValueRemovesIt() throws InterruptedException {
    AuthCache.Loader<String> loader = blockingFirstCall(token -> {});
    List<Request> requests = startAllWaiting(2, "t1", loader);
    release.countDown();
    assertEquals("t1 #1", requests.get(1).result());

    cache.invalidateHash(SecretTokens.hash("t1"));

    assertEquals(1, cache.stats().invalidations());
    assertEquals("t1 #2", access.get("t1", loader));
  }

  /**
   * A request that finds its token expired while another request reloads it takes the value that
   * load stored: it neither loads a third time nor answers nothing. The clock forces the
   * interleaving: when the first request reads it to check the expired entry, the other request
   * runs whole (on the same thread, which holds no lock there).
   */
  @Test
  void requestThatFindsItsExpiredTokenReloadedMeanwhileTakesTheReloadedValue() {
    AtomicLong now = new AtomicLong();
    AtomicReference<Runnable> atNextClockRead = new AtomicReference<>();
    AuthCache clocked = clocked(8, now, atNextClockRead);
    AuthCache.Segment<String> segment = clocked.segment("access", "Bearer");
    AuthCache.Loader<String> loader = token -> token + " #" + calls.incrementAndGet();
    assertEquals("t1 #1", segment.get("t1", loader));
    now.set(AuthCacheTest.TTL_NANOS);
    AtomicReference<String> other = new AtomicReference<>();
    atNextClockRead.set(() -> other.set(segment.get("t1", loader)));

    assertEquals("t1 #2", segment.get("t1", loader));
    assertEquals("t1 #2", other.get());
    assertEquals(2, calls.get());
  }

  /**
   * An invalidation of the entry that a request finds expired counts once, as an invalidation, not
   * also as an eviction. The clock forces the interleaving: the invalidation runs when the request
   * reads the clock a second time, to check the entry it found expired.
   */
  @Test
  void entryInvalidatedWhileARequestFindsItExpiredCountsOnceAsInvalidated() {
    AtomicLong now = new AtomicLong();
    AtomicReference<Runnable> atNextClockRead = new AtomicReference<>();
    AuthCache clocked = clocked(8, now, atNextClockRead);
    AuthCache.Segment<String> segment = clocked.segment("access", "Bearer");
    AuthCache.Loader<String> loader = token -> token + " #" + calls.incrementAndGet();
    segment.get("t1", loader);
    now.set(AuthCacheTest.TTL_NANOS);
    atNextClockRead.set(() -> atNextClockRead.set(() -> clocked.invalidate("t1")));

    assertEquals("t1 #2", segment.get("t1", loader));

    AuthCache.Stats stats = clocked.stats();
    assertEquals(0, stats.evictions(), stats::toString);
    assertEquals(1, stats.invalidations(), stats::toString);
  }

  /**
   * An invalidation of the entry that a store is about to evict neither stops the store nor counts
   * the entry twice. The clock forces the interleaving: the store reads it while it holds the
   * write order, and the invalidation, made then, waits for the store there.
   */
  @Test
  void invalidationOfTheEntryAStoreEvictsCountsOnceAndStopsNothing() throws InterruptedException {
    AtomicReference<Runnable> atNextClockRead = new AtomicReference<>();
    AuthCache one = clocked(1, new AtomicLong(), atNextClockRead);
    AuthCache.Segment<String> segment = one.segment("access", "Bearer");
    segment.get("t1", token -> token + " user");
    AtomicReference<Thread> invalidation = new AtomicReference<>();
    atNextClockRead.set(() -> {
      invalidation.set(daemon(() -> one.invalidate("t1")));
      while (invalidation.get().getState() != Thread.State.WAITING) {
        Thread.onSpinWait();
      }
    });

    assertEquals("t2 user", segment.get("t2", token -> token + " user"));
    invalidation.get().join();

    AuthCache.Stats stats = one.stats();
    assertEquals(0, stats.evictions(), stats::toString);
    assertEquals(1, stats.invalidations(), stats::toString);
    assertEquals(1, stats.size(), stats::toString);
  }

  @Test
  void concurrentStoresNeverTakeTheCacheOverItsMaximumSize() throws InterruptedException {
    int threads = 4;
    int tokensEach = 5_000;
    AtomicLong largest = new AtomicLong();
    AtomicReference<String> wrong = new AtomicReference<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String prefix = "w" + t + "-";
      writers.add(daemon(() -> {
        await(go);
        for (int i = 0; i < tokensEach; i++) {
          String token = prefix + i;
          String value = access.get(token, tok -> tok + " user");
          if (!value.equals(token + " user")) {
            wrong.set(token + " got " + value);
          }
        }
      }));
    }
    go.countDown();
    while (writers.stream().anyMatch(Thread::isAlive)) {
      largest.accumulateAndGet(cache.stats().size(), Math::max);
    }
    for (Thread writer : writers) {
      writer.join();
    }

    assertNull(wrong.get());
    assertTrue(largest.get() <= 64, "largest size seen: " + largest.get());
    AuthCache.Stats stats = cache.stats();
    assertEquals(64, stats.size());
    assertEquals(threads * tokensEach, stats.loads());
    assertEquals(threads * tokensEach - 64, stats.evictions());
  }

  @Test
  void mixedRequestsAndInvalidationsOnManyThreadsOnlyEverAnswerATokensOwnValue() throws InterruptedException {
    AuthCache small = AuthCache.builder().maximumSize(8).expireAfterWrite(AuthCacheTest.TTL).build();
    AuthCache.Segment<String> segment = small.segment("access", "Bearer");
    AtomicInteger loads = new AtomicInteger();
    AuthCache.Loader<String> loader = token -> {
      int call = loads.incrementAndGet();
      if (call % 7 == 0) {
        throw new IllegalStateException("failure " + call);
      }
      return call % 5 == 0 ? null : token + " #" + call;
    };
    long seed = new Random().nextLong();
    AtomicReference<String> wrong = new AtomicReference<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Random random = new Random(seed + t);
      threads.add(daemon(() -> {
        await(go);
        for (int i = 0; i < 5_000; i++) {
          String token = "t" + random.nextInt(20);
          int op = random.nextInt(20);
          if (op == 0) {
            small.invalidate(token);
          } else if (op == 1) {
            small.invalidateHash(SecretTokens.hash(token));
          } else if (op == 2 && random.nextInt(10) == 0) {
            small.invalidateAll();
          } else {
            try {
              String value = segment.get(token, loader);
              if (value != null && !value.startsWith(token + " #")) {
                wrong.set(token + " got " + value);
              }
            } catch (IllegalStateException expected) {
              // a failed load, shared or own
            }
          }
        }
      }));
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertNull(wrong.get(), "seed " + seed);
    AuthCache.Stats stats = small.stats();
    assertTrue(stats.size() <= 8, "seed " + seed + ": " + stats);
    assertEquals(loads.get(), stats.loads(), "seed " + seed);
    small.invalidateAll();
    assertEquals(0, small.stats().size(), "seed " + seed + ": no entry left stuck after invalidateAll");
  }

  /**
   * Starts {@code count} requests for {@code token} at once and returns when every one of them is
   * parked: one in the loader, the others waiting for its load (or, were loads not shared, in
   * the loader too).
   */
  private List<Request> startAllWaiting(int count, String token, AuthCache.Loader<String> loader)
      throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(Request.start(go, access, token, loader));
    }
    started.addAll(requests);
    go.countDown();
    loading.await();
    for (Request request : requests) {
      awaitParked(request);
    }
    return requests;
  }

  /**
   * Returns once the request, past its start gate, is parked (in these tests, only ever in the
   * loader or waiting for a load) or has ended (which only a cache that does not share loads lets
   * it do before the release).
   */
  private static void awaitParked(Request request) {
    while (true) {
      boolean asked = request.asked;
      Thread.State state = request.getState();
      if (asked && (state == Thread.State.WAITING || state == Thread.State.TERMINATED)) {
        return;
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new AssertionError("the request neither parked nor ended: " + state);
      }
      Thread.onSpinWait();
    }
  }

  /**
   * A cache of {@code maximumSize} entries whose clock reads {@code now}; a task set in {@code
   * atNextClockRead} runs (once) when the cache next reads the clock, as if another request ran
   * at that moment.
   */
  private static AuthCache clocked(long maximumSize, AtomicLong now, AtomicReference<Runnable> atNextClockRead) {
    return AuthCache.builder().maximumSize(maximumSize).expireAfterWrite(AuthCacheTest.TTL).ticker(() -> {
      Runnable concurrently = atNextClockRead.getAndSet(null);
      if (concurrently != null) {
        concurrently.run();
      }
      return now.get();
    }).build();
  }

  /** A started daemon thread, so that a thread stuck by a broken cache cannot keep the test JVM alive. */
  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new AssertionError("interrupted", e);
    }
  }

  /** One request on its own thread, with what it got. */
  private static final class Request extends Thread {
    private final CountDownLatch go;
    private final AuthCache.Segment<String> segment;
    private final String token;
    private final AuthCache.Loader<String> loader;
    private volatile boolean asked;
    private String result;
    private Throwable failure;
    private boolean interruptedAtEnd;

    private Request(CountDownLatch go, AuthCache.Segment<String> segment, String token,
        AuthCache.Loader<String> loader) {
      this.go = go;
      setDaemon(true);
      this.segment = segment;
      this.token = token;
      this.loader = loader;
    }

    /** A request that asks once {@code go} opens. */
    static Request start(CountDownLatch go, AuthCache.Segment<String> segment, String token,
        AuthCache.Loader<String> loader) {
      Request request = new Request(go, segment, token, loader);
      request.start();
      return request;
    }

    @Override
    public void run() {
      await(go);
      asked = true;
      try {
        result = segment.get(token, loader);
      } catch (Throwable thrown) {
        failure = thrown;
      }
      interruptedAtEnd = Thread.currentThread().isInterrupted();
    }

    String result() throws InterruptedException {
      join();
      if (failure != null) {
        throw new AssertionError("the request failed", failure);
      }
      return result;
    }

    Throwable failure() throws InterruptedException {
      join();
      assertNull(result);
      return failure;
    }
  }
}
