package io.statelessauth.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.statelessauth.AuthCache;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Binds an {@link AuthCache}'s figures to a Micrometer {@link MeterRegistry}, read from {@link
 * AuthCache#stats()} whenever the registry is read: the counters {@code stateless.auth.cache.hits},
 * {@code .misses}, {@code .loads}, {@code .evictions} and {@code .invalidations} (in Prometheus
 * {@code stateless_auth_cache_hits_total} and so on) and the gauge {@code
 * stateless.auth.cache.size}. The requests themselves pay nothing for it.
 *
 * <p>As Micrometer's own binders do, the meters hold the cache weakly: they do not keep it alive,
 * and read {@code NaN} once it is gone. Two caches bound to one registry need a tag that tells
 * them apart, given to {@link #AuthCacheMetrics(AuthCache, Iterable)}; without one, the second
 * binding finds the first cache's meters and adds nothing.
 */
public final class AuthCacheMetrics implements MeterBinder {
  private static final String PREFIX = "stateless.auth.cache.";

  private final AuthCache cache;
  private final Tags tags;

  /** A binder for {@code cache}, whose meters carry no tags. */
  public AuthCacheMetrics(AuthCache cache) {
    this(cache, Tags.empty());
  }

  /**
   * A binder for {@code cache} whose meters carry {@code tags}, such as {@code manager=api}, to
   * tell this cache from others bound to the same registry.
   */
  public AuthCacheMetrics(AuthCache cache, Iterable<Tag> tags) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
  }

  /** Registers the cache's five counters and its size gauge in {@code registry}. */
  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "hits", "Requests the authentication cache answered without calling a loader",
        AuthCache.Stats::hits);
    counter(registry, "misses",
        "Requests the authentication cache did not answer: they called the loaders or waited for another"
            + " request's call", AuthCache.Stats::misses);
    counter(registry, "loads", "Loader calls made through the authentication cache", AuthCache.Stats::loads);
    counter(registry, "evictions", "Authentication cache entries removed because the cache was full or"
        + " they expired", AuthCache.Stats::evictions);
    counter(registry, "invalidations", "Authentication cache entries removed by an invalidation of their"
        + " token, its hash or every entry", AuthCache.Stats::invalidations);
    Gauge.builder(PREFIX + "size", cache, bound -> bound.stats().size())
        .description("Entries the authentication cache holds")
        .tags(tags)
        .register(registry);
  }

  private void counter(MeterRegistry registry, String name, String description,
      ToLongFunction<AuthCache.Stats> figure) {
    FunctionCounter.builder(PREFIX + name, cache, bound -> figure.applyAsLong(bound.stats()))
        .description(description)
        .tags(tags)
        .register(registry);
  }
}
