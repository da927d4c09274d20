package io.statelessauth.example.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a database that cannot serve now (answered 503, worth retrying) from a failed statement
 * (a bug or broken data, answered 500).
 */
final class SqlFailures {

  /**
   * SQLite result codes that say the database is busy, locked, read-only, out of space or cannot
   * be opened or read: BUSY, LOCKED, NOMEM, READONLY, IOERR, FULL, CANTOPEN, PROTOCOL. The xerial
   * driver reports the primary code as the vendor code and sets no SQLState.
   */
  private static final Set<Integer> SQLITE_UNAVAILABLE = Set.of(5, 6, 7, 8, 10, 13, 14, 15);

  /** SQLite's primary result code for a database locked by another connection. */
  private static final int SQLITE_BUSY = 5;

  /**
   * SQLState values (PostgreSQL's, most of them standard) that say the same: serialization
   * failure, deadlock, read-only transaction (a standby), lock not available, query cancelled
   * (a statement timeout), and the server shutting down or not yet accepting connections.
   */
  private static final Set<String> UNAVAILABLE_STATES =
      Set.of("40001", "40P01", "25006", "55P03", "57014", "57P01", "57P02", "57P03");

  private SqlFailures() {}

  /**
   * Whether {@code failure}, or an exception it chains or wraps, says the database is unavailable
   * rather than the statement wrong; {@code sqlite} says whether vendor codes are SQLite's.
   */
  static boolean unavailable(SQLException failure, boolean sqlite) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException && unavailableItself((SQLException) cause, sqlite)) {
        return true;
      }
    }
    SQLException next = failure.getNextException();
    return next != null && unavailable(next, sqlite);
  }

  /**
   * Whether the database refused {@code failure}'s statement for the data it was given (SQLState
   * class 22, such as PostgreSQL's refusal of a NUL in a string): the request's fault, answered
   * 400, on a connection that is still sound.
   */
  static boolean invalidData(SQLException failure) {
    String state = failure.getSQLState();
    return state != null && state.startsWith("22");
  }

  /** Whether SQLite refused {@code failure}'s work because another connection held the lock. */
  static boolean sqliteBusy(SQLException failure) {
    return (failure.getErrorCode() & 0xff) == SQLITE_BUSY;
  }

  private static boolean unavailableItself(SQLException failure, boolean sqlite) {
    if (failure instanceof SQLTransientException
        || failure instanceof SQLRecoverableException
        || failure instanceof SQLNonTransientConnectionException) {
      return true;
    }
    String state = failure.getSQLState();
    if (state != null && (state.startsWith("08") || state.startsWith("53")
        || UNAVAILABLE_STATES.contains(state))) {
      return true;
    }
    return sqlite && SQLITE_UNAVAILABLE.contains(failure.getErrorCode() & 0xff);
  }
}
