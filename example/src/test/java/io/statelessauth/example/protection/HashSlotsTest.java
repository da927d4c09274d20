package io.statelessauth.example.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.routes.ApiError;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hash queue: a request waits for a slot, in order, at most its wait and behind a bounded
 * number of others, and never beside another request with one of its keys.
 */
class HashSlotsTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    threads.shutdownNow();
  }

  /** Takes a slot with {@code keys} on another thread, and holds it until the test releases it. */
  private Future<String> hold(HashSlots slots, List<String> keys) throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    Future<String> held = threads.submit(() -> slots.run(keys, () -> {
      holding.countDown();
      await(release);
      return "held";
    }));
    assertTrue(holding.await(10, TimeUnit.SECONDS));
    return held;
  }

  @Test
  void aRequestThatGetsNoSlotWithinItsWaitAnswers503WithRetryAfter() throws Exception {
    HashSlots slots = new HashSlots(1, 4, Duration.ofMillis(300));
    hold(slots, List.of());
    long start = System.nanoTime();

    ApiError busy = assertThrows(ApiError.class, () -> slots.run(List.of(), () -> "never"));

    assertEquals(503, busy.status());
    assertEquals(HashSlots.RETRY_AFTER_SECONDS, busy.retryAfterSeconds());
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "it waited");
  }

  @Test
  void aRequestWaitsForASlotAndGetsItWhenItIsFree() throws Exception {
    HashSlots slots = new HashSlots(1, 4, Duration.ofSeconds(10));
    Future<String> held = hold(slots, List.of());
    Future<String> waiting = threads.submit(() -> slots.run(List.of(), () -> "hashed"));
    Thread.sleep(200);
    assertTrue(!waiting.isDone(), "it waits while the slot is taken");

    release.countDown();

    assertEquals("held", held.get(10, TimeUnit.SECONDS));
    assertEquals("hashed", waiting.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aRequestThatFindsTheQueueFullAnswers503AtOnce() throws Exception {
    HashSlots slots = new HashSlots(1, 1, Duration.ofSeconds(30));
    hold(slots, List.of());
    Future<String> queued = threads.submit(() -> slots.run(List.of(), () -> "queued"));
    Thread.sleep(200);
    long start = System.nanoTime();

    ApiError busy = assertThrows(ApiError.class, () -> slots.run(List.of(), () -> "never"));

    assertEquals(503, busy.status());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "not after a wait");
    release.countDown();
    assertEquals("queued", queued.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aRequestWaitsWhileAnotherWithOneOfItsKeysHashesEvenWithASlotFree() throws Exception {
    HashSlots slots = new HashSlots(2, 4, Duration.ofSeconds(10));
    hold(slots, List.of("name alice", "address 192.0.2.1"));
    Future<String> sameAddress = threads.submit(
        () -> slots.run(List.of("name bob", "address 192.0.2.1"), () -> "bob"));
    Future<String> other = threads.submit(
        () -> slots.run(List.of("name carol", "address 192.0.2.2"), () -> "carol"));

    assertEquals("carol", other.get(10, TimeUnit.SECONDS), "a free slot, no shared key");
    Thread.sleep(200);
    assertTrue(!sameAddress.isDone(), "one hash per address at a time");
    release.countDown();
    assertEquals("bob", sameAddress.get(10, TimeUnit.SECONDS));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
