package io.statelessauth;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A bounded, expiring cache of what a manager's loaders returned for a token, so that a known
 * token is authenticated without a database call; built with {@link #builder()} and given to one
 * manager, which keeps running the expiry, scope and active checks on the cached models for every
 * request. Only a successful load is kept: when the loader returns {@code null}, throws a {@link
 * StatelessAuthError} or fails in any other way, the next request asks it again, so a flood of
 * unknown tokens neither fills the cache nor pushes known tokens out. Concurrent requests with the
 * same uncached token call the loader once and all get its outcome (the value, {@code null} or the
 * same exception). An entry expires a fixed time after it was loaded, however often it is read, and
 * an expired entry is never returned; at most {@link Builder#maximumSize} entries are kept, the
 * earliest loaded going first. The manager invalidates a token, the token whose {@link
 * SecretTokens#hash} an invalidation message carries, or everything; an invalidation takes effect
 * before it returns, and a load of that token already running when it came is not kept, since it
 * may have read the token before its revocation. A hit takes no lock and allocates nothing: one
 * map read, one clock read (two with a {@link Builder#lease lease}) and a counter. Each entry costs
 * about 250 bytes on a 64-bit JVM with compressed pointers (the entry, the token's hash in
 * hexadecimal and two map nodes), besides the token string it keeps (about 90 bytes for a token
 * from {@link SecretTokens#generate()}) and the cached models.
 *
 * <p>With a {@link Builder#lease lease}, the cache answers only while its last {@link #renewLease()
 * renewal} is younger than the lease: the application renews it each time it confirms that its
 * invalidations reach this instance (a revocation channel's heartbeat, say). Past the lease, as
 * before the first renewal, every request calls the loaders and nothing is kept, so that no fault
 * that stops invalidations from arriving can keep a revoked token answered for longer than the
 * lease.
 */
public final class AuthCache {
  /** An entry whose load is running; it holds no value yet. */
  private static final int LOADING = 0;
  /** An entry that holds a value and sits in the write order. */
  private static final int LIVE = 1;
  /** An entry that was removed or whose load was not kept; it never comes back. */
  private static final int DEAD = 2;
  /** {@link #leaseNanos} of a cache without a lease, which always answers. */
  private static final long NO_LEASE = 0;

  private static final LongSupplier SYSTEM_TICKER = new LongSupplier() {
    @Override
    public long getAsLong() {
      return System.nanoTime();
    }
  };

  private final long maximumSize;
  private final long expireAfterWriteNanos;
  /** How long a renewal keeps the cache answering; {@link #NO_LEASE} for always. */
  private final long leaseNanos;
  /** When the lease runs out, by the ticker; the cache answers while {@code now - leaseEnd < 0}. */
  private volatile long leaseEnd;
  private final LongSupplier ticker;
  private final ConcurrentHashMap<List<String>, Segment<?>> segments = new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder loads = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder invalidations = new LongAdder();

  /** Guards the write order and the size; taken when an entry is stored or removed, never on a hit. */
  private final ReentrantLock writeOrder = new ReentrantLock();
  /** The manager this cache serves: one only, since every segment holds that manager's models. */
  private Object owner;
  private Entry<?> oldest;
  private Entry<?> newest;
  private long size;

  private AuthCache(long maximumSize, long expireAfterWriteNanos, long leaseNanos, LongSupplier ticker) {
    this.maximumSize = maximumSize;
    this.expireAfterWriteNanos = expireAfterWriteNanos;
    this.leaseNanos = leaseNanos;
    this.ticker = ticker;
    this.leaseEnd = ticker.getAsLong();
  }

  /** A builder; both {@link Builder#maximumSize} and {@link Builder#expireAfterWrite} must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The counters since the cache was built and the number of entries now, for metrics: requests
   * answered from the cache (hits) or not (misses, including those that waited for another
   * request's load), loader calls, entries evicted (because the cache was full or the entry
   * expired) and entries removed by an invalidation.
   */
  public Stats stats() {
    long entries;
    writeOrder.lock();
    try {
      entries = size;
    } finally {
      writeOrder.unlock();
    }
    return new Stats(hits.sum(), misses.sum(), loads.sum(), evictions.sum(), invalidations.sum(), entries);
  }

  /**
   * Whether the cache answers now: always without a lease; with one, while the last {@link
   * #renewLease()} is younger than the lease.
   */
  public boolean leaseHeld() {
    return leaseNanos == NO_LEASE || ticker.getAsLong() - leaseEnd < 0;
  }

  /**
   * Confirms, for one more lease, that invalidations reach this instance, and lets the cache answer
   * until then. When the lease had run out (or was never renewed), every entry is forgotten first,
   * and every load that is still running is kept from being stored, since invalidations may have
   * been lost meanwhile; renewing a lease that still holds keeps the entries. Takes effect before
   * it returns.
   *
   * @throws IllegalStateException if the cache was built without {@link Builder#lease}
   */
  public synchronized void renewLease() {
    if (leaseNanos == NO_LEASE) {
      throw new IllegalStateException(
          "this AuthCache has no lease to renew; set one with AuthCache.builder().lease(...)");
    }
    if (!leaseHeld()) {
      invalidateAll();
    }
    leaseEnd = ticker.getAsLong() + leaseNanos;
  }

  /**
   * Makes {@code manager} this cache's one manager.
   *
   * @throws IllegalArgumentException if another manager uses it already: it would mix the two
   *     managers' models
   */
  synchronized void claim(Object manager) {
    if (owner != null && owner != manager) {
      throw new IllegalArgumentException("this AuthCache already serves another manager; give each manager its own");
    }
    owner = manager;
  }

  /**
   * The entries of the routes that take tokens of {@code tokenType} under the scheme {@code
   * authType}; the same pair always gives the same segment. The manager fetches it once per
   * route, not per request; every segment of a cache must hold values of the same type.
   */
  @SuppressWarnings("unchecked")
  <V> Segment<V> segment(String tokenType, String authType) {
    List<String> key = List.of(tokenType, authType);
    Segment<?> segment = segments.get(key);
    if (segment == null) {
      Segment<?> created = new Segment<>(this);
      segment = segments.putIfAbsent(key, created);
      if (segment == null) {
        segment = created;
      }
    }
    return (Segment<V>) segment;
  }

  /** Removes {@code token} from every segment, and keeps a running load of it from being stored. */
  void invalidate(String token) {
    Objects.requireNonNull(token, "token");
    for (Segment<?> segment : segments.values()) {
      invalidate(segment.byToken.get(token));
    }
  }

  /**
   * Removes from every segment the token whose {@link SecretTokens#hash} is {@code tokenHash}
   * (64 hexadecimal digits, either case), and keeps a running load of it from being stored.
   *
   * @throws IllegalArgumentException if {@code tokenHash} is not 64 hexadecimal digits
   */
  void invalidateHash(String tokenHash) {
    String hash = requireHash(tokenHash);
    for (Segment<?> segment : segments.values()) {
      invalidate(segment.byHash.get(hash));
    }
  }

  /** Removes every entry, and keeps every load already running from being stored. */
  void invalidateAll() {
    for (Segment<?> segment : segments.values()) {
      for (Entry<?> entry : segment.byToken.values()) {
        invalidate(entry);
      }
    }
  }

  /**
   * Removes every entry whose value {@code which} matches, and keeps every load already running
   * from being stored (its value is not known yet, so it may match); how many entries it removed.
   * Every segment must hold values of type {@code V}.
   */
  @SuppressWarnings("unchecked")
  <V> int invalidateValues(Predicate<? super V> which) {
    int removed = 0;
    for (Segment<?> segment : segments.values()) {
      for (Entry<?> entry : segment.byToken.values()) {
        Object value = entry.value;
        if (entry.state == LOADING) {
          kill(entry);
        } else if (value != null && which.test((V) value) && kill(entry)) {
          invalidations.increment();
          removed++;
        }
      }
    }
    return removed;
  }

  private void invalidate(Entry<?> entry) {
    if (entry != null && kill(entry)) {
      invalidations.increment();
    }
  }

  private static String requireHash(String tokenHash) {
    Objects.requireNonNull(tokenHash, "tokenHash");
    boolean hex = tokenHash.length() == 64;
    for (int i = 0; hex && i < 64; i++) {
      hex = HexFormat.isHexDigit(tokenHash.charAt(i));
    }
    if (!hex) {
      throw new IllegalArgumentException(
          "tokenHash must be 64 hexadecimal digits, as SecretTokens.hash gives; was " + tokenHash.length()
              + " characters" + (tokenHash.length() == 64 ? " with a non-hexadecimal one" : ""));
    }
    return tokenHash.toLowerCase(Locale.ROOT);
  }

  /** Whether {@code entry}, read as live, is younger than the expiry. */
  private boolean fresh(Entry<?> entry) {
    return ticker.getAsLong() - entry.writtenAt < expireAfterWriteNanos;
  }

  /** Removes a live entry found expired on a read. */
  private void expire(Entry<?> entry) {
    if (kill(entry)) {
      evictions.increment();
    }
  }

  /**
   * Stores a loaded value unless an invalidation got to the entry first, then evicts expired
   * entries and, while the cache holds too many, the earliest stored.
   */
  private <V> void install(Entry<V> entry, V value) {
    writeOrder.lock();
    try {
      long now = ticker.getAsLong();
      synchronized (entry) {
        if (entry.state != LOADING) {
          return;
        }
        entry.writtenAt = now;
        entry.value = value;
        entry.state = LIVE;
      }
      linkNewest(entry);
      while (oldest != null && (size > maximumSize || now - oldest.writtenAt >= expireAfterWriteNanos)) {
        Entry<?> evicted = oldest;
        if (kill(evicted)) {
          evictions.increment();
        }
        unlink(evicted);
      }
    } finally {
      writeOrder.unlock();
    }
  }

  /**
   * Makes {@code entry} dead and takes it out of its segment and the write order; whether it was
   * live (an entry removed, rather than a load not kept or an entry already gone).
   */
  private boolean kill(Entry<?> entry) {
    boolean wasLive;
    synchronized (entry) {
      if (entry.state == DEAD) {
        return false;
      }
      wasLive = entry.state == LIVE;
      entry.state = DEAD;
      entry.value = null;
    }
    entry.segment.forget(entry);
    if (wasLive) {
      writeOrder.lock();
      try {
        unlink(entry);
      } finally {
        writeOrder.unlock();
      }
    }
    return wasLive;
  }

  /** Appends to the write order; the caller holds {@link #writeOrder}. */
  private void linkNewest(Entry<?> entry) {
    entry.older = newest;
    if (newest == null) {
      oldest = entry;
    } else {
      newest.newer = entry;
    }
    newest = entry;
    size++;
  }

  /** Takes out of the write order unless already out; the caller holds {@link #writeOrder}. */
  private void unlink(Entry<?> entry) {
    if (entry.older == null && oldest != entry) {
      return;
    }
    Entry<?> older = entry.older;
    Entry<?> newer = entry.newer;
    if (older == null) {
      oldest = newer;
    } else {
      older.newer = newer;
    }
    if (newer == null) {
      newest = older;
    } else {
      newer.older = older;
    }
    entry.older = null;
    entry.newer = null;
    size--;
  }

  /**
   * The entries of one token type and scheme, by raw token (so that a hit computes no hash) and by
   * {@link SecretTokens#hash} (so that an invalidation message needs no token).
   */
  static final class Segment<V> {
    private final AuthCache cache;
    /** Loading and live entries by token; a dead one stays only until its remover gets to it. */
    private final ConcurrentHashMap<String, Entry<V>> byToken = new ConcurrentHashMap<>();
    /** The same entries by the hash of their token, registered before their loader is called. */
    private final ConcurrentHashMap<String, Entry<V>> byHash = new ConcurrentHashMap<>();

    private Segment(AuthCache cache) {
      this.cache = cache;
    }

    /**
     * The cached value of {@code token}, or else what {@code loader} returns for it, stored when
     * not {@code null}; a request that finds the same token loading waits for that load and
     * shares its outcome, exceptions included, even when an invalidation came meanwhile and kept
     * the value from being stored (the request was as concurrent with the revocation as the one
     * that loaded). A thread interrupted while it waits keeps waiting, as the loading thread
     * would, and returns with its interrupt status set. While the cache's lease has run out, every
     * call goes to {@code loader} and nothing is stored.
     */
    V get(String token, Loader<? extends V> loader) {
      if (!cache.leaseHeld()) {
        cache.misses.increment();
        cache.loads.increment();
        return loader.load(token);
      }
      Entry<V> entry = byToken.get(token);
      if (entry != null) {
        V value = entry.value;
        if (value != null && cache.fresh(entry)) {
          cache.hits.increment();
          return value;
        }
      }
      cache.misses.increment();
      while (true) {
        if (entry == null) {
          Entry<V> mine = new Entry<>(this, token);
          entry = byToken.putIfAbsent(token, mine);
          if (entry == null) {
            return load(mine, loader);
          }
        }
        int state = entry.state;
        if (state == LOADING) {
          Load<V> load = entry.load;
          if (load != null) {
            return load.await();
          }
        } else if (state == LIVE) {
          V value = entry.value;
          if (value != null && cache.fresh(entry)) {
            return value;
          }
          cache.expire(entry);
        } else {
          byToken.remove(token, entry);
        }
        entry = byToken.get(token);
      }
    }

    /** Calls the loader for an entry this thread put in, and settles the entry however it ends. */
    private V load(Entry<V> entry, Loader<? extends V> loader) {
      V value = null;
      Throwable failure = null;
      try {
        registerHash(entry);
        cache.loads.increment();
        value = loader.load(entry.token);
        return value;
      } catch (Throwable thrown) {
        failure = thrown;
        throw thrown;
      } finally {
        settle(entry, value, failure);
      }
    }

    /**
     * Stores a value (unless an invalidation came during the load), drops the entry otherwise, then
     * hands the outcome to the requests that wait for it.
     */
    private void settle(Entry<V> entry, V value, Throwable failure) {
      Load<V> load = entry.load;
      try {
        if (failure == null && value != null) {
          cache.install(entry, value);
        }
      } finally {
        if (entry.state == LOADING) {
          cache.kill(entry);
        }
        entry.load = null;
        load.complete(value, failure);
      }
    }

    /**
     * Makes a loading entry findable by hash before its loader runs, so that an invalidation by
     * hash during the load keeps it from being stored; not if an invalidation already killed it.
     */
    private void registerHash(Entry<V> entry) {
      String hash = SecretTokens.hash(entry.token);
      synchronized (entry) {
        if (entry.state == LOADING) {
          entry.hash = hash;
          byHash.put(hash, entry);
        }
      }
    }

    /** Removes a dead entry from both maps, unless another entry took its place. */
    private void forget(Entry<?> entry) {
      byToken.remove(entry.token, entry);
      if (entry.hash != null) {
        byHash.remove(entry.hash, entry);
      }
    }
  }

  /** Loads what the cache keeps for a token; the manager makes one per route. */
  interface Loader<V> {
    /** What {@code token} stands for, or {@code null} for a token it does not know (never cached). */
    V load(String token);
  }

  /**
   * One token in one segment: loading, then live until it expires, is evicted or is invalidated,
   * then dead for good. State changes happen under the entry's own lock.
   */
  private static final class Entry<V> {
    private final Segment<V> segment;
    private final String token;
    /** {@link SecretTokens#hash} of the token, once registered by hash; set under the entry's lock. */
    private String hash;
    private volatile int state = LOADING;
    /** The value while live; null before and after. */
    private volatile V value;
    /** When the value was stored, by the cache's ticker; set before {@link #value}. */
    private long writtenAt;
    /** The running load that other requests wait for; null once settled. */
    private volatile Load<V> load = new Load<>();
    /** The neighbours in the write order while live; guarded by {@link AuthCache#writeOrder}. */
    private Entry<?> older;
    private Entry<?> newer;

    private Entry(Segment<V> segment, String token) {
      this.segment = segment;
      this.token = token;
    }
  }

  /** The outcome of one loader call, for the requests that wait for it. */
  private static final class Load<V> {
    private final CountDownLatch settled = new CountDownLatch(1);
    private V value;
    private Throwable failure;

    void complete(V value, Throwable failure) {
      this.value = value;
      this.failure = failure;
      settled.countDown();
    }

    /** The loader's value or {@code null}, or its exception thrown again, once it has ended. */
    V await() {
      boolean interrupted = false;
      while (true) {
        try {
          settled.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failure != null) {
        Load.<RuntimeException>rethrow(failure);
      }
      return value;
    }

    /** Throws the loader's own exception, checked or not, as the loading thread did. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void rethrow(Throwable failure) throws E {
      throw (E) failure;
    }
  }

  /** A snapshot of a cache's counters and size, as {@link AuthCache#stats()} gives it. */
  public static final class Stats {
    private final long hits;
    private final long misses;
    private final long loads;
    private final long evictions;
    private final long invalidations;
    private final long size;

    private Stats(long hits, long misses, long loads, long evictions, long invalidations, long size) {
      this.hits = hits;
      this.misses = misses;
      this.loads = loads;
      this.evictions = evictions;
      this.invalidations = invalidations;
      this.size = size;
    }

    /** Requests answered from the cache, without calling a loader. */
    public long hits() {
      return hits;
    }

    /** Requests not answered from the cache: they called the loader or waited for another request's call. */
    public long misses() {
      return misses;
    }

    /** Loader calls; fewer than misses when concurrent requests shared a load. */
    public long loads() {
      return loads;
    }

    /** Entries removed because the cache was full or because they expired. */
    public long evictions() {
      return evictions;
    }

    /** Entries removed by an invalidation of their token, of its hash, or of everything. */
    public long invalidations() {
      return invalidations;
    }

    /** Entries held when the snapshot was taken. */
    public long size() {
      return size;
    }

    @Override
    public String toString() {
      return "AuthCache.Stats{hits=" + hits + ", misses=" + misses + ", loads=" + loads
          + ", evictions=" + evictions + ", invalidations=" + invalidations + ", size=" + size + "}";
    }
  }

  /** Builds an {@link AuthCache}; every setter checks its value at once. */
  public static final class Builder {
    private long maximumSize;
    private Duration expireAfterWrite;
    private Duration lease;
    private LongSupplier ticker = SYSTEM_TICKER;

    private Builder() {}

    /**
     * The most entries kept; storing one more evicts the earliest stored. Required, and positive:
     * to turn caching off, give the manager no cache.
     */
    public Builder maximumSize(long maximumSize) {
      if (maximumSize <= 0) {
        throw new IllegalArgumentException("maximumSize must be positive (to turn caching off, give the"
            + " manager no cache), was " + maximumSize);
      }
      this.maximumSize = maximumSize;
      return this;
    }

    /**
     * How long after its load an entry is answered from the cache: the longest a revocation that
     * no invalidation reported can go unnoticed. Required, and positive.
     */
    public Builder expireAfterWrite(Duration expireAfterWrite) {
      Objects.requireNonNull(expireAfterWrite, "expireAfterWrite");
      if (expireAfterWrite.isNegative() || expireAfterWrite.isZero()) {
        throw new IllegalArgumentException("expireAfterWrite must be positive, was " + expireAfterWrite);
      }
      this.expireAfterWrite = expireAfterWrite;
      return this;
    }

    /**
     * How long each {@link AuthCache#renewLease()} lets the cache answer: the longest a revocation
     * can go unnoticed when invalidations stop arriving and nothing reports it. Optional, and
     * positive; without it the cache always answers. With it, the cache answers nothing until its
     * first renewal.
     */
    public Builder lease(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("lease must be positive, was " + lease);
      }
      this.lease = lease;
      return this;
    }

    /** The clock in nanoseconds, as {@link System#nanoTime()}; tests set their own. */
    Builder ticker(LongSupplier ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * The cache.
     *
     * @throws IllegalStateException if {@link #maximumSize} or {@link #expireAfterWrite} was not set
     */
    public AuthCache build() {
      if (maximumSize == 0) {
        throw new IllegalStateException("maximumSize must be set");
      }
      if (expireAfterWrite == null) {
        throw new IllegalStateException("expireAfterWrite must be set");
      }
      return new AuthCache(maximumSize, saturatedNanos(expireAfterWrite),
          lease == null ? NO_LEASE : saturatedNanos(lease), ticker);
    }

    /** The duration in nanoseconds, or {@link Long#MAX_VALUE} (292 years) if longer. */
    private static long saturatedNanos(Duration duration) {
      try {
        return duration.toNanos();
      } catch (ArithmeticException tooLong) {
        return Long.MAX_VALUE;
      }
    }
  }
}
