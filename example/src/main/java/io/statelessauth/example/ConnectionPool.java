package io.statelessauth.example;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lends JDBC connections, at most a fixed number at a time, keeping returned ones for reuse.
 *
 * <p>A connection comes back either healthy ({@link #giveBack}) or not ({@link #discard}: its work
 * failed, so it is closed, which also rolls back whatever it left open). After an outage the
 * database calls {@link #discardIdle}, so that no connection opened before it (on a file since
 * made read-only, or to a server that restarted) is lent again: the next lease opens a fresh one,
 * and the service resumes by itself once the database is back. Each lease first checks the
 * {@link DatabaseFile}, so that a connection is never lent to a file that has gone from its path.
 */
final class ConnectionPool implements AutoCloseable {

  private static final long BORROW_TIMEOUT_SECONDS = 30;

  /** A lent connection, with the identity of the file it was opened on. */
  record Lease(Connection connection, Object file) {}

  private final String url;
  private final Properties properties;
  private final DatabaseFile file;
  private final Semaphore permits;
  private final BlockingQueue<Lease> idle;
  private volatile boolean closed;

  /** A pool of at most {@code maxConnections} connections to {@code url}, opened with {@code properties}. */
  ConnectionPool(String url, Properties properties, int maxConnections) {
    this.url = url;
    this.properties = properties;
    this.file = DatabaseFile.of(url);
    this.permits = new Semaphore(maxConnections);
    this.idle = new ArrayBlockingQueue<>(maxConnections);
  }

  /**
   * A connection to the database file as it is now: an idle one opened on that same file, or a new
   * one.
   *
   * @throws SQLException when no connection is free in time, the file is missing, or connecting
   *     fails
   */
  Lease borrow() throws SQLException {
    acquirePermit();
    try {
      Object current = file.identity();
      for (Lease lease; (lease = idle.poll()) != null; ) {
        if (lease.file().equals(current)) {
          return lease;
        }
        closeQuietly(lease.connection());
      }
      return new Lease(DriverManager.getConnection(url, properties), current);
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private void acquirePermit() throws SQLException {
    try {
      if (!permits.tryAcquire(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new SQLTransientConnectionException(
            "No database connection free after " + BORROW_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("Interrupted waiting for a connection", e);
    }
  }

  /** Takes back a connection whose work succeeded, for reuse. */
  void giveBack(Lease lease) {
    if (closed || !idle.offer(lease)) {
      closeQuietly(lease.connection());
    } else if (closed) {
      discardIdle();
    }
    permits.release();
  }

  /** Takes back a connection whose work failed, and closes it. */
  void discard(Lease lease) {
    closeQuietly(lease.connection());
    permits.release();
  }

  /** Closes every idle connection; the next leases open new ones. */
  void discardIdle() {
    for (Lease lease; (lease = idle.poll()) != null; ) {
      closeQuietly(lease.connection());
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // the connection is being dropped either way
    }
  }

  /** Closes every idle connection; connections still lent out are closed when they come back. */
  @Override
  public void close() {
    closed = true;
    discardIdle();
  }
}
