package io.statelessauth.example.routes;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Logs failed requests at ERROR, with their stack traces, without letting one client flood the
 * log: at most {@value #PER_INTERVAL} failures a minute are logged; the others are counted, and
 * the count is logged with the next failure logged once the minute is over.
 */
final class FailureLog {

  /** The most failures logged in one {@link #INTERVAL}. */
  static final int PER_INTERVAL = 10;
  /** How long the {@link #PER_INTERVAL} failures are counted over. */
  static final Duration INTERVAL = Duration.ofMinutes(1);

  private final Logger log;
  private final Clock clock;
  private Instant intervalStart = Instant.MIN;
  private int logged;
  private long unlogged;

  /** Logs to {@code log}; {@code clock} paces it. */
  FailureLog(Logger log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** Logs {@code failure} with {@code message}, unless {@value #PER_INTERVAL} were this minute. */
  void failed(String message, Throwable failure) {
    String suffix;
    synchronized (this) {
      Instant now = clock.instant();
      if (!now.isBefore(intervalStart.plus(INTERVAL))) {
        intervalStart = now;
        logged = 0;
      }
      if (logged == PER_INTERVAL) {
        unlogged++;
        return;
      }
      logged++;
      suffix = unlogged == 0 ? "" : " (" + unlogged + " more failed requests were not logged)";
      unlogged = 0;
    }
    log.log(Level.ERROR, message + suffix, failure);
  }
}
