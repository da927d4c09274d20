package io.statelessauth.example.revocation;

import java.lang.System.Logger.Level;

/**
 * Whether a revocation listener hears its channel, and what follows when that changes: while it
 * cannot, revocations made by other instances may go unheard, so the cache is cleared at every
 * failed attempt (and, with no confirmation of the channel, its lease runs out); when it hears
 * again, the cache is cleared once more, since what was published in between is unknown. The loss
 * is logged once, at WARNING, and the return once, at INFO; failed attempts in between are not
 * logged.
 */
final class Hearing {

  private static final System.Logger LOG = System.getLogger(Hearing.class.getName());

  private final String channel;
  private final CacheInvalidator cache;
  private long lostAt;
  private boolean lost;

  /** For the listener of {@code channel} (as log lines name it), which feeds {@code cache}. */
  Hearing(String channel, CacheInvalidator cache) {
    this.channel = channel;
    this.cache = cache;
  }

  /** The channel cannot be heard: clears the cache, and logs it the first time. */
  void lost(Throwable cause) {
    cache.forgetAll();
    if (!lost) {
      lost = true;
      lostAt = System.nanoTime();
      LOG.log(Level.WARNING, "Cannot hear revocations through " + channel + "; the authentication"
          + " cache is cleared, and answers nothing from memory until it can again: " + cause);
    }
  }

  /** The channel is heard: when it was lost, clears the cache and logs the return. */
  void heard() {
    if (lost) {
      lost = false;
      cache.forgetAll();
      LOG.log(Level.INFO, "Hearing revocations through " + channel + " again after "
          + (System.nanoTime() - lostAt) / 1_000_000 + " ms; the authentication cache was cleared,"
          + " since revocations made meanwhile may have gone unheard");
    }
  }
}
