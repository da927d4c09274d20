package io.statelessauth.example.protection;

import io.statelessauth.example.routes.ApiError;
import io.statelessauth.example.routes.Router;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Bounds how many passwords are hashed at once, and shares the hashing fairly. PBKDF2 at the
 * configured count keeps a core busy for a noticeable time, so unbounded logins would starve
 * every other route of CPU.
 *
 * <p>A request that finds every slot taken waits in a first-come, first-served queue, at most
 * {@code maxWait}, then answers 503 with {@code Retry-After}; so does one that finds {@code
 * maxWaiting} requests waiting already (each waiting request holds a reading thread and a
 * handler slot of the {@link Router}, so the queue stays short). A request may name keys (a
 * login names its user name and its client address): while another request with one of its keys
 * is queued or hashing, it waits before it joins the queue. One client looping logins, on as
 * many connections as it likes, therefore has one hash in flight and one place in the queue, and
 * every other client's login waits for at most one hash of theirs.
 */
public final class HashSlots {

  /** The {@code Retry-After} of a refusal, in seconds. */
  static final int RETRY_AFTER_SECONDS = 1;
  /** How long a request waits for a slot by default before it answers 503. */
  public static final Duration WAIT = Duration.ofSeconds(5);

  private final int slots;
  private final int maxWaiting;
  private final long maxWaitNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  /** The keys of the requests queued or hashing. */
  private final Set<String> busyKeys = new HashSet<>();
  /** The requests waiting for a slot, first come first. */
  private final ArrayDeque<Object> queue = new ArrayDeque<>();
  private int hashing;
  private int waiting;

  /**
   * At most {@code slots} hashes at once, at most {@code maxWaiting} requests waiting, each for
   * at most {@code maxWait}.
   */
  public HashSlots(int slots, int maxWaiting, Duration maxWait) {
    this.slots = slots;
    this.maxWaiting = maxWaiting;
    this.maxWaitNanos = maxWait.toNanos();
  }

  /**
   * Runs {@code work} in a slot, once no other request with one of {@code keys} is queued or
   * hashing and every request that joined the queue before it has had its slot.
   *
   * @throws ApiError 503 when the queue is full, or no slot came within the wait
   */
  public <R> R run(List<String> keys, Supplier<R> work) {
    acquire(keys);
    try {
      return work.get();
    } finally {
      release(keys);
    }
  }

  private void acquire(List<String> keys) {
    lock.lock();
    try {
      if (hashing < slots && queue.isEmpty() && keys.stream().noneMatch(busyKeys::contains)) {
        busyKeys.addAll(keys);
        hashing++;
        return;
      }
      if (waiting >= maxWaiting) {
        throw ApiError.busy(RETRY_AFTER_SECONDS);
      }
      waiting++;
      try {
        long deadline = System.nanoTime() + maxWaitNanos;
        while (keys.stream().anyMatch(busyKeys::contains)) {
          awaitUntil(deadline);
        }
        busyKeys.addAll(keys);
        Object place = new Object();
        queue.addLast(place);
        try {
          while (queue.peekFirst() != place || hashing >= slots) {
            awaitUntil(deadline);
          }
        } catch (ApiError e) {
          queue.remove(place);
          busyKeys.removeAll(keys);
          changed.signalAll();
          throw e;
        }
        queue.removeFirst();
        hashing++;
        changed.signalAll();
      } finally {
        waiting--;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits for a change, or answers 503 once {@code deadline} has passed. */
  private void awaitUntil(long deadline) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw ApiError.busy(RETRY_AFTER_SECONDS);
    }
    try {
      changed.awaitNanos(left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.busy(RETRY_AFTER_SECONDS);
    }
  }

  private void release(List<String> keys) {
    lock.lock();
    try {
      hashing--;
      busyKeys.removeAll(keys);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
