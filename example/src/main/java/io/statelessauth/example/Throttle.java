package io.statelessauth.example;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts events per key (a client address, a user name) and says when a key has had too many:
 * each key may have {@code burst} events at once, and regains one every {@code refill}. Used for
 * failed logins and for registrations; a refused request answers 429 with {@code Retry-After}.
 *
 * <p>Memory is bounded: at most {@code maxKeys} keys are tracked, the least recently used
 * forgotten first, so that an attacker cannot grow it by sending new names. Forgetting a key
 * forgives it, which is why failed logins are throttled per address as well as per name.
 * Thread-safe; the lock is held for a map lookup only, and the events it counts are rare and
 * expensive (each one a password hash).
 */
final class Throttle {

  private final int burst;
  private final long refillNanos;
  private final Clock clock;
  private final Map<String, Bucket> buckets;

  /**
   * A throttle of {@code burst} events per key, regaining one every {@code refill}, tracking at
   * most {@code maxKeys} keys; a {@code burst} of 0 never throttles.
   */
  Throttle(int burst, Duration refill, int maxKeys, Clock clock) {
    this.burst = burst;
    this.refillNanos = refill.toNanos();
    this.clock = clock;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /** How long {@code key} must wait before its next event, or empty when it may go on now. */
  synchronized Optional<Duration> retryAfter(String key) {
    if (burst == 0) {
      return Optional.empty();
    }
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      return Optional.empty();
    }
    long now = nanos();
    bucket.refill(now, burst, refillNanos);
    if (bucket.events < burst) {
      return Optional.empty();
    }
    long wait = bucket.updated + refillNanos - now;
    return Optional.of(Duration.ofNanos(Math.max(wait, 0)));
  }

  /** Counts one event for {@code key}. */
  synchronized void record(String key) {
    if (burst == 0) {
      return;
    }
    long now = nanos();
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(now));
    bucket.refill(now, burst, refillNanos);
    bucket.events = Math.min(bucket.events + 1, burst);
  }

  /** Forgets every event of {@code key}: a name whose owner just logged in. */
  synchronized void forgive(String key) {
    buckets.remove(key);
  }

  private long nanos() {
    Duration since = Duration.between(Instant.EPOCH, clock.instant());
    return since.toNanos();
  }

  /** The events a key has had, less those regained, and when that was last worked out. */
  private static final class Bucket {
    int events;
    long updated;

    Bucket(long now) {
      updated = now;
    }

    void refill(long now, int burst, long refillNanos) {
      long regained = (now - updated) / refillNanos;
      if (regained > 0) {
        events = (int) Math.max(0, events - Math.min(regained, burst));
        updated = events == 0 ? now : updated + regained * refillNanos;
      }
    }
  }
}
