package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AuthCache} on one thread: what is cached, for how long, how much, and what removes it. */
class AuthCacheTest {
  static final Duration TTL = Duration.ofMinutes(5);
  static final long TTL_NANOS = TTL.toNanos();

  private final AtomicLong now = new AtomicLong(42);
  private final Counting loader = new Counting(token -> token.startsWith("unknown") ? null : token + " user");
  private final AuthCache cache = sized(10);
  private final AuthCache.Segment<String> access = cache.segment("access", "Bearer");

  private AuthCache sized(long maximumSize) {
    return AuthCache.builder().maximumSize(maximumSize).expireAfterWrite(TTL).ticker(now::get).build();
  }

  @Test
  void hitIsAnsweredWithoutCallingTheLoader() {

    assertEquals("t1 user", access.get("t1", loader));
    assertEquals("t1 user", access.get("t1", loader));
    assertEquals("t1 user", access.get(new String("t1"), loader));

    assertEquals(1, loader.calls("t1"));
    assertStats(cache, 2, 1, 1, 0, 0, 1);
  }

  @Test
  void unknownTokenIsNeverCachedSoEachRequestAsksTheLoader() {

    assertNull(access.get("unknown", loader));
    assertNull(access.get("unknown", loader));

    assertEquals(2, loader.calls("unknown"));
    assertStats(cache, 0, 2, 2, 0, 0, 0);
  }

  @Test
  void statelessAuthErrorIsNeverCachedSoTheNextRequestLoadsAgain() {
    StatelessAuthError revoked = new StatelessAuthError("Token revoked", 401, "Token");
    Counting failing = new Counting(token -> {
      throw revoked;
    });

    assertSame(revoked, assertThrows(StatelessAuthError.class, () -> access.get("t1", failing)));
    assertSame(revoked, assertThrows(StatelessAuthError.class, () -> access.get("t1", failing)));
    assertEquals("t1 user", access.get("t1", loader));

    assertEquals(2, failing.calls("t1"));
    assertEquals(1, loader.calls("t1"));
    assertStats(cache, 0, 3, 3, 0, 0, 1);
  }

  @Test
  void failedLoaderIsNeverCachedSoTheNextRequestLoadsAgain() {
    Counting failing = new Counting(token -> {
      throw new IllegalStateException("database down");
    });

    assertEquals("database down", assertThrows(IllegalStateException.class, () -> access.get("t1", failing)).getMessage());
    assertEquals("t1 user", access.get("t1", loader));
    assertEquals("t1 user", access.get("t1", loader));

    assertEquals(1, loader.calls("t1"));
    assertStats(cache, 1, 2, 2, 0, 0, 1);
  }

  @Test
  void checkedExceptionThrownByTheLoaderReachesTheCallerUnchangedAndIsNotCached() {
    IOException down = new IOException("connection reset");
    Counting failing = new Counting(token -> sneakyThrow(down));

    assertSame(down, assertThrows(IOException.class, () -> access.get("t1", failing)));
    assertEquals("t1 user", access.get("t1", loader));

    assertStats(cache, 0, 2, 2, 0, 0, 1);
  }

  @Test
  void entryIsAnsweredUntilItExpiresThenLoadedAgain() {

    access.get("t1", loader);
    now.addAndGet(TTL_NANOS - 1);
    access.get("t1", loader);
    assertEquals(1, loader.calls("t1"));

    now.addAndGet(1);
    assertEquals("t1 user", access.get("t1", loader));

    assertEquals(2, loader.calls("t1"));
    assertStats(cache, 1, 2, 2, 1, 0, 1);
  }

  @Test
  void readingAnEntryDoesNotPostponeItsExpiry() {

    access.get("t1", loader);
    for (int i = 0; i < 4; i++) {
      now.addAndGet(TTL_NANOS / 4);
      access.get("t1", loader);
    }

    assertEquals(2, loader.calls("t1"), "loaded, read three times, expired at the fourth read");
  }

  @Test
  void expiredEntriesAreEvictedWhenALaterOneIsStoredEvenIfNeverReadAgain() {
    access.get("t1", loader);
    access.get("t2", loader);

    now.addAndGet(TTL_NANOS);
    access.get("t3", loader);

    assertStats(cache, 0, 3, 3, 2, 0, 1);
  }

  @Test
  void expiryLongerThanTheClockCanCountNeverExpires() {
    AuthCache longLived = AuthCache.builder().maximumSize(10).expireAfterWrite(Duration.ofDays(400L * 365))
        .ticker(now::get).build();
    AuthCache.Segment<String> segment = longLived.segment("access", "Bearer");

    segment.get("t1", loader);
    now.addAndGet(Long.MAX_VALUE / 2);
    segment.get("t1", loader);

    assertEquals(1, loader.calls("t1"));
  }

  @Test
  void withTheSystemClockAnEntryExpiresOnceItsTimeHasPassed() throws InterruptedException {
    AuthCache clocked = AuthCache.builder().maximumSize(10).expireAfterWrite(Duration.ofMillis(1)).build();
    AuthCache.Segment<String> segment = clocked.segment("access", "Bearer");

    segment.get("t1", loader);
    Thread.sleep(20);
    segment.get("t1", loader);

    assertEquals(2, loader.calls("t1"));
  }

  @Test
  void fullCacheEvictsTheEarliestStored() {
    AuthCache three = sized(3);
    AuthCache.Segment<String> segment = three.segment("access", "Bearer");
    for (String token : new String[] {"t1", "t2", "t3", "t4"}) {
      segment.get(token, loader);
    }

    for (String token : new String[] {"t2", "t3", "t4"}) {
      segment.get(token, loader);
      assertEquals(1, loader.calls(token), token);
    }
    assertStats(three, 3, 4, 4, 1, 0, 3);

    segment.get("t1", loader);
    assertEquals(2, loader.calls("t1"));
    assertStats(three, 3, 5, 5, 2, 0, 3);
  }

  @Test
  void sizeBoundCountsEntriesOfEverySegment() {
    AuthCache two = sized(2);
    two.<String>segment("access", "Bearer").get("t1", loader);
    two.<String>segment("refresh", "Bearer").get("t2", loader);
    two.<String>segment("access", "Token").get("t3", loader);

    assertEquals(2, two.stats().size());
    two.<String>segment("access", "Bearer").get("t1", loader);
    assertEquals(2, loader.calls("t1"), "the earliest stored, in another segment, was evicted");
  }

  @Test
  void floodOfUnknownTokensLeavesTheCacheEmptyAndKnownTokensCached() {
    access.get("t1", loader);

    for (int i = 0; i < 10_000; i++) {
      assertNull(access.get("unknown-" + i, loader));
    }
    access.get("t1", loader);

    assertEquals(1, loader.calls("t1"));
    assertStats(cache, 1, 10_001, 10_001, 0, 0, 1);
  }

  @Test
  void sameTokenUnderAnotherTokenTypeOrSchemeIsASeparateEntry() {
    AuthCache.Segment<String> refresh = cache.segment("refresh", "Bearer");
    AuthCache.Segment<String> otherScheme = cache.segment("access", "Token");

    assertEquals("access t1", access.get("t1", new Counting(token -> "access " + token)));
    assertEquals("refresh t1", refresh.get("t1", new Counting(token -> "refresh " + token)));
    assertEquals("token t1", otherScheme.get("t1", new Counting(token -> "token " + token)));

    assertEquals("access t1", access.get("t1", loader));
    assertEquals("refresh t1", refresh.get("t1", loader));
    assertEquals("token t1", otherScheme.get("t1", loader));
    assertEquals(0, loader.calls("t1"));
    assertEquals(3, cache.stats().size());
  }

  @Test
  void samePairGivesTheSameSegment() {
    access.get("t1", loader);

    assertSame(access, cache.segment(new String("access"), new String("Bearer")));
    cache.<String>segment("access", "Bearer").get("t1", loader);
    assertEquals(1, loader.calls("t1"));
  }

  @Test
  void invalidateRemovesTheTokenFromEverySegment() {
    AuthCache.Segment<String> refresh = cache.segment("refresh", "Bearer");
    access.get("t1", loader);
    refresh.get("t1", loader);
    access.get("t2", loader);

    cache.invalidate("t1");

    assertStats(cache, 0, 3, 3, 0, 2, 1);
    access.get("t1", loader);
    refresh.get("t1", loader);
    access.get("t2", loader);
    assertEquals(4, loader.calls("t1"));
    assertEquals(1, loader.calls("t2"));
  }

  @Test
  void invalidateHashRemovesTheTokenWhoseSecretTokensHashItCarries() {
    AuthCache.Segment<String> refresh = cache.segment("refresh", "Bearer");
    String token = SecretTokens.generate();
    access.get(token, loader);
    refresh.get(token, loader);
    access.get("t2", loader);

    cache.invalidateHash(SecretTokens.hash(token));

    assertStats(cache, 0, 3, 3, 0, 2, 1);
    access.get(token, loader);
    access.get("t2", loader);
    assertEquals(3, loader.calls(token));
    assertEquals(1, loader.calls("t2"));
  }

  @Test
  void invalidateHashAcceptsUppercaseHexadecimal() {
    access.get("t1", loader);

    cache.invalidateHash(SecretTokens.hash("t1").toUpperCase(Locale.ROOT));

    access.get("t1", loader);
    assertEquals(2, loader.calls("t1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0",
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ag",
      "ba7816bf8f01cfea414140de5dae2223 00361a396177a9cb410ff61f20015ad"})
  void invalidateHashRefusesAnythingButSixtyFourHexDigitsWithoutRepeatingIt(String tokenHash) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> cache.invalidateHash(tokenHash));

    assertTrue(refused.getMessage().startsWith("tokenHash must be 64 hexadecimal digits"), refused.getMessage());
    assertFalse(!tokenHash.isEmpty() && refused.getMessage().contains(tokenHash), refused.getMessage());
  }

  @Test
  void invalidateHashSaysWhatIsWrongWithTheHash() {
    String nonHex = "g".repeat(64);

    assertEquals("tokenHash must be 64 hexadecimal digits, as SecretTokens.hash gives; was 3 characters",
        assertThrows(IllegalArgumentException.class, () -> cache.invalidateHash("abc")).getMessage());
    assertEquals("tokenHash must be 64 hexadecimal digits, as SecretTokens.hash gives; was 64 characters"
        + " with a non-hexadecimal one",
        assertThrows(IllegalArgumentException.class, () -> cache.invalidateHash(nonHex)).getMessage());
  }

  /**
   * Nothing the cache no longer holds stays reachable through it: neither a token the loader did
   * not know (a flood of them must not fill the memory) nor one that was invalidated.
   */
  @Test
  void tokensTheCacheNoLongerHoldsAreNotKeptInMemory() throws InterruptedException {
    WeakReference<String> unknown = askedFor("unknown-" + System.nanoTime(), token -> {});
    WeakReference<String> revoked = askedFor("revoked-" + System.nanoTime(), token -> cache.invalidate(token));

    for (int i = 0; i < 50 && (unknown.get() != null || revoked.get() != null); i++) {
      System.gc();
      Thread.sleep(10);
    }

    assertNull(unknown.get(), "an unknown token is still reachable");
    assertNull(revoked.get(), "an invalidated token is still reachable");
  }

  /**
   * Asks the cache for a copy of {@code token} that nothing else holds, runs {@code then} with the
   * original, and returns a weak reference to the copy.
   */
  private WeakReference<String> askedFor(String token, Consumer<String> then) {
    String copy = new String(token.toCharArray());
    access.get(copy, tok -> tok.startsWith("unknown") ? null : "a user");
    then.accept(token);
    return new WeakReference<>(copy);
  }

  @Test
  void invalidateAllRemovesEveryEntryOfEverySegment() {
    AuthCache.Segment<String> refresh = cache.segment("refresh", "Bearer");
    access.get("t1", loader);
    access.get("t2", loader);
    refresh.get("t3", loader);

    cache.invalidateAll();

    assertStats(cache, 0, 3, 3, 0, 3, 0);
    access.get("t1", loader);
    refresh.get("t3", loader);
    assertEquals(2, loader.calls("t1"));
    assertEquals(2, loader.calls("t3"));
  }

  @Test
  void invalidatingWhatIsNotCachedRemovesNothing() {
    access.get("t1", loader);

    cache.invalidate("t2");
    cache.invalidateHash(SecretTokens.hash("t2"));
    cache.invalidate("unknown");

    access.get("t1", loader);
    assertStats(cache, 1, 1, 1, 0, 0, 1);
  }

  @Test
  void invalidatedEntryIsNotEvictedLater() {
    AuthCache two = sized(2);
    AuthCache.Segment<String> segment = two.segment("access", "Bearer");
    segment.get("t1", loader);
    segment.get("t2", loader);
    two.invalidate("t1");

    segment.get("t3", loader);

    assertStats(two, 0, 3, 3, 0, 1, 2);
    segment.get("t2", loader);
    assertEquals(1, loader.calls("t2"));
  }

  @Test
  void statsReadableAsText() {
    access.get("t1", loader);

    assertEquals("AuthCache.Stats{hits=0, misses=1, loads=1, evictions=0, invalidations=0, size=1}",
        cache.stats().toString());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void maximumSizeMustBePositive(long maximumSize) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> AuthCache.builder().maximumSize(maximumSize));

    assertEquals("maximumSize must be positive (to turn caching off, give the manager no cache), was "
        + maximumSize, refused.getMessage());
  }

  @Test
  void expireAfterWriteMustBePositive() {
    assertEquals("expireAfterWrite must be positive, was PT0S", assertThrows(IllegalArgumentException.class,
        () -> AuthCache.builder().expireAfterWrite(Duration.ZERO)).getMessage());
    assertEquals("expireAfterWrite must be positive, was PT-0.000000001S", assertThrows(IllegalArgumentException.class,
        () -> AuthCache.builder().expireAfterWrite(Duration.ofNanos(-1))).getMessage());
    assertEquals("expireAfterWrite", assertThrows(NullPointerException.class,
        () -> AuthCache.builder().expireAfterWrite(null)).getMessage());
  }

  @Test
  void buildNeedsBothSizeAndExpiry() {
    assertEquals("maximumSize must be set", assertThrows(IllegalStateException.class,
        () -> AuthCache.builder().expireAfterWrite(TTL).build()).getMessage());
    assertEquals("expireAfterWrite must be set", assertThrows(IllegalStateException.class,
        () -> AuthCache.builder().maximumSize(10).build()).getMessage());
  }

  private static void assertStats(AuthCache cache, long hits, long misses, long loads, long evictions,
      long invalidations, long size) {
    AuthCache.Stats stats = cache.stats();
    assertEquals(
        "hits=" + hits + " misses=" + misses + " loads=" + loads + " evictions=" + evictions
            + " invalidations=" + invalidations + " size=" + size,
        "hits=" + stats.hits() + " misses=" + stats.misses() + " loads=" + stats.loads() + " evictions="
            + stats.evictions() + " invalidations=" + stats.invalidations() + " size=" + stats.size());
  }

  /** Throws a checked exception from code that declares none, as some loaders do. */
  @SuppressWarnings("unchecked")
  static <T, E extends Throwable> T sneakyThrow(Throwable failure) throws E {
    throw (E) failure;
  }

  /** A loader that answers through {@code answer} and counts its calls per token. */
  static final class Counting implements AuthCache.Loader<String> {
    private final Function<String, String> answer;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    Counting(Function<String, String> answer) {
      this.answer = answer;
    }

    @Override
    public String load(String token) {
      calls.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
      return answer.apply(token);
    }

    int calls(String token) {
      AtomicInteger count = calls.get(token);
      return count == null ? 0 : count.get();
    }
  }
}
