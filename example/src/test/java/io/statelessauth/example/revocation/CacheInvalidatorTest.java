package io.statelessauth.example.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A confirmation of the revocation channel renews the cache's lease only when its round trip was
 * short enough to bound the staleness: at most {@link RevocationChannel#MAX_ROUND_TRIP}, which
 * with the {@link RevocationChannel#LEASE} makes the one-second bound.
 */
class CacheInvalidatorTest {

  private final AtomicInteger renewals = new AtomicInteger();
  private final CacheInvalidator cache = new CacheInvalidator();

  CacheInvalidatorTest() {
    cache.bind(hash -> { }, () -> { }, renewals::incrementAndGet);
  }

  @Test
  void theLeaseAndTheLongestRoundTripMakeOneSecond() {
    assertEquals(1_000, RevocationChannel.LEASE.plus(RevocationChannel.MAX_ROUND_TRIP).toMillis());
  }

  @Test
  void aQuickRoundTripRenewsTheLease() {
    cache.confirm(System.nanoTime() - 250_000_000L);

    assertEquals(1, renewals.get());
  }

  @Test
  void aRoundTripLongerThan300MillisecondsRenewsNothing() {
    cache.confirm(System.nanoTime() - 301_000_000L);

    assertEquals(0, renewals.get());
  }
}
