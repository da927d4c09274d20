package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link AuthCache} against a plain reference model, under random sequences of requests (whose
 * loads succeed, find nothing or fail), invalidations and clock ticks: same answers, same loader
 * calls, same counters after every step. Each run draws a new base seed; a failure names the seed
 * and the step, and {@code -Dauthcache.seed=N} replays it.
 */
class AuthCacheModelTest {
  private static final int SEQUENCES = 200;
  private static final int STEPS = 400;
  private static final long TTL = 100;
  private static final String[] SEGMENTS = {"access Bearer", "refresh Bearer"};

  @Test
  void cacheAnswersAndCountsLikeTheReferenceModel() {
    String fixed = System.getProperty("authcache.seed");
    long base = fixed == null ? new Random().nextLong() : Long.parseLong(fixed);
    int sequences = fixed == null ? SEQUENCES : 1;
    for (int i = 0; i < sequences; i++) {
      run(base + i);
    }
  }

  private static void run(long seed) {
    Random random = new Random(seed);
    long maximumSize = 1 + random.nextInt(6);
    AtomicLong now = new AtomicLong(random.nextLong());
    AuthCache cache = AuthCache.builder().maximumSize(maximumSize).expireAfterWrite(Duration.ofNanos(TTL))
        .ticker(now::get).build();
    Model model = new Model(maximumSize);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tokens.add(SecretTokens.generate());
    }
    List<String> steps = new ArrayList<>();
    for (int step = 0; step < STEPS; step++) {
      String token = tokens.get(random.nextInt(tokens.size()));
      String tokenName = "token " + tokens.indexOf(token);
      int op = random.nextInt(100);
      String what;
      if (op < 70) {
        String segment = SEGMENTS[random.nextInt(SEGMENTS.length)];
        Outcome outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
        what = "get " + tokenName + " in " + segment + " (a load would give " + outcome + ")";
        steps.add(what);
        get(cache, model, segment, token, outcome, step, context(seed, steps));
      } else if (op < 78) {
        what = "invalidate " + tokenName;
        steps.add(what);
        cache.invalidate(token);
        model.invalidate(token);
      } else if (op < 86) {
        what = "invalidateHash " + tokenName;
        steps.add(what);
        String hash = SecretTokens.hash(token);
        cache.invalidateHash(random.nextBoolean() ? hash : hash.toUpperCase(Locale.ROOT));
        model.invalidate(token);
      } else if (op < 88) {
        what = "invalidateAll";
        steps.add(what);
        cache.invalidateAll();
        model.invalidateAll();
      } else {
        long tick = random.nextInt((int) TTL * 2 / 3);
        what = "tick " + tick;
        steps.add(what);
        now.addAndGet(tick);
        model.now += tick;
      }
      assertEquals(model.stats(), text(cache.stats()), context(seed, steps));
    }
  }

  private static void get(AuthCache cache, Model model, String segment, String token, Outcome outcome,
      int step, String context) {
    String[] pair = segment.split(" ");
    RuntimeException failure = outcome.failure(step);
    String loaded = outcome == Outcome.VALUE ? "value of step " + step : null;
    boolean[] called = {false};
    AuthCache.Loader<String> loader = presented -> {
      assertSame(token, presented, context);
      called[0] = true;
      if (failure != null) {
        throw failure;
      }
      return loaded;
    };
    Object expected = model.get(segment + " " + token, loaded, failure);
    Object actual;
    try {
      actual = cache.<String>segment(pair[0], pair[1]).get(token, loader);
    } catch (RuntimeException thrown) {
      actual = thrown;
    }
    assertSame(expected, actual, context);
    assertEquals(model.loadedLastGet, called[0], context + ": whether the loader was called");
  }

  private static String context(long seed, List<String> steps) {
    int from = Math.max(0, steps.size() - 12);
    return "seed " + seed + " (replay with -Dauthcache.seed=" + seed + "), step " + (steps.size() - 1)
        + "; last steps: " + String.join("; ", steps.subList(from, steps.size()));
  }

  private static String text(AuthCache.Stats stats) {
    return text(stats.hits(), stats.misses(), stats.loads(), stats.evictions(), stats.invalidations(), stats.size());
  }

  private static String text(long hits, long misses, long loads, long evictions, long invalidations, long size) {
    return "hits=" + hits + " misses=" + misses + " loads=" + loads + " evictions=" + evictions
        + " invalidations=" + invalidations + " size=" + size;
  }

  /** What the loader does when a request reaches it. */
  private enum Outcome {
    VALUE, UNKNOWN, REFUSED, FAILED;

    RuntimeException failure(int step) {
      switch (this) {
        case REFUSED:
          return new StatelessAuthError("refused at step " + step, 401, "Token");
        case FAILED:
          return new IllegalStateException("failed at step " + step);
        default:
          return null;
      }
    }
  }

  /**
   * The cache as specified, without concurrency: entries in the order they were stored, the
   * earliest evicted first when one too many is stored, the expired ones evicted when read or when
   * a later one is stored.
   */
  private static final class Model {
    private final long maximumSize;
    private final LinkedHashMap<String, Stored> entries = new LinkedHashMap<>();
    long now;
    boolean loadedLastGet;
    private long hits;
    private long misses;
    private long loads;
    private long evictions;
    private long invalidations;

    Model(long maximumSize) {
      this.maximumSize = maximumSize;
    }

    /** What a request for {@code key} answers: the stored value, or the load's value, null or failure. */
    Object get(String key, String loaded, RuntimeException failure) {
      Stored stored = entries.get(key);
      loadedLastGet = false;
      if (stored != null && now - stored.writtenAt < TTL) {
        hits++;
        return stored.value;
      }
      misses++;
      if (stored != null) {
        entries.remove(key);
        evictions++;
      }
      loadedLastGet = true;
      loads++;
      if (failure != null) {
        return failure;
      }
      if (loaded != null) {
        entries.put(key, new Stored(loaded, now));
        Iterator<Stored> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
          Stored oldest = oldestFirst.next();
          if (entries.size() <= maximumSize && now - oldest.writtenAt < TTL) {
            break;
          }
          oldestFirst.remove();
          evictions++;
        }
      }
      return loaded;
    }

    void invalidate(String token) {
      for (String segment : SEGMENTS) {
        if (entries.remove(segment + " " + token) != null) {
          invalidations++;
        }
      }
    }

    void invalidateAll() {
      invalidations += entries.size();
      entries.clear();
    }

    String stats() {
      return text(hits, misses, loads, evictions, invalidations, entries.size());
    }
  }

  /** A stored value and when it was stored. */
  private static final class Stored {
    final String value;
    final long writtenAt;

    Stored(String value, long writtenAt) {
      this.value = value;
      this.writtenAt = writtenAt;
    }
  }
}
