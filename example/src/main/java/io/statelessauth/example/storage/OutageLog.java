package io.statelessauth.example.storage;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Logs database outages without flooding the log: the first failure at once, at WARNING, then at
 * most one line a minute, counting the calls that failed in between. Driver messages name the
 * failure (a locked or missing file), never the values a statement was given, so no token or
 * password hash reaches the log.
 */
final class OutageLog {

  private static final System.Logger LOG = System.getLogger(OutageLog.class.getName());
  private static final Duration INTERVAL = Duration.ofMinutes(1);

  private final Clock clock;
  private Instant lastReport;
  private long unreported;

  OutageLog(Clock clock) {
    this.clock = clock;
  }

  /** Records a call that failed because the database is unavailable. */
  synchronized void failed(SQLException failure) {
    Instant now = clock.instant();
    if (lastReport != null && now.isBefore(lastReport.plus(INTERVAL))) {
      unreported++;
      return;
    }
    String since = lastReport == null ? "" : " (" + unreported + " more failed calls since the last report)";
    LOG.log(Level.WARNING, "Database unavailable, answering 503" + since + ": " + failure);
    lastReport = now;
    unreported = 0;
  }
}
