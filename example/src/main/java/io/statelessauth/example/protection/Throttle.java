package io.statelessauth.example.protection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts events per key (a client address, a user name) and says when a key has had too many:
 * each key may have {@code burst} events at once, and regains one every {@code refill}. Used for
 * failed and successful logins and for registrations; a refused request answers 429 with {@code
 * Retry-After}.
 *
 * <p>Memory is bounded whatever keys are sent: a key is kept as the first 128 bits of its
 * SHA-256, never as the string (a name of any length costs the same, and no name is kept);
 * a key whose events have all been regained is dropped; and at most {@code maxKeys} keys are
 * kept, the least recently used forgotten first. Each key kept takes about 116 bytes (the map's
 * entry, the key, the bucket and its share of the table: 4.6 MB measured for four throttles of
 * 10 000 keys, with names of 10 or of 10 000 characters alike), so a throttle holds at most
 * {@code maxKeys} times that. Forgetting a key forgives it, which is why failed logins are
 * throttled per address as well as per name.
 * Thread-safe; the lock is held for a map lookup only.
 */
public final class Throttle {

  private final int burst;
  private final long refillNanos;
  private final Clock clock;
  private final LinkedHashMap<Key, Bucket> buckets;

  /**
   * A throttle of {@code burst} events per key, regaining one every {@code refill}, tracking at
   * most {@code maxKeys} keys; a {@code burst} of 0 never throttles.
   */
  public Throttle(int burst, Duration refill, int maxKeys, Clock clock) {
    this.burst = burst;
    this.refillNanos = refill.toNanos();
    this.clock = clock;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Bucket> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /** How long {@code key} must wait before its next event, or empty when it may go on now. */
  public synchronized Optional<Duration> retryAfter(String key) {
    if (burst == 0) {
      return Optional.empty();
    }
    Key hashed = Key.of(key);
    Bucket bucket = buckets.get(hashed);
    if (bucket == null) {
      return Optional.empty();
    }
    long now = nanos();
    bucket.refill(now, burst, refillNanos);
    if (bucket.events == 0) {
      buckets.remove(hashed);
      return Optional.empty();
    }
    if (bucket.events < burst) {
      return Optional.empty();
    }
    long wait = bucket.updated + refillNanos - now;
    return Optional.of(Duration.ofNanos(Math.max(wait, 0)));
  }

  /** Counts one event for {@code key}, and drops the least recently used keys that refilled. */
  public synchronized void record(String key) {
    if (burst == 0) {
      return;
    }
    long now = nanos();
    dropRefilled(now);
    Bucket bucket = buckets.computeIfAbsent(Key.of(key), k -> new Bucket(now));
    bucket.refill(now, burst, refillNanos);
    bucket.events = Math.min(bucket.events + 1, burst);
  }

  /** Forgets every event of {@code key}: a name whose owner just logged in. */
  public synchronized void forgive(String key) {
    buckets.remove(Key.of(key));
  }

  /** How many keys the throttle holds now. */
  public synchronized int size() {
    return buckets.size();
  }

  /**
   * Drops the keys, least recently used first, that have regained every event, up to the first
   * that has not: each call does at most as much work as it drops, plus one.
   */
  private void dropRefilled(long now) {
    for (Iterator<Bucket> eldest = buckets.values().iterator(); eldest.hasNext(); ) {
      Bucket bucket = eldest.next();
      if (now - bucket.updated < bucket.events * refillNanos) {
        return;
      }
      eldest.remove();
    }
  }

  private long nanos() {
    Duration since = Duration.between(Instant.EPOCH, clock.instant());
    return since.toNanos();
  }

  /** The first 128 bits of a key's SHA-256. */
  private record Key(long high, long low) {

    static Key of(String key) {
      try {
        ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
            .digest(key.getBytes(StandardCharsets.UTF_8)));
        return new Key(digest.getLong(), digest.getLong());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every JDK", e);
      }
    }
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
