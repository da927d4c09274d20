package io.statelessauth.example.revocation;

import io.statelessauth.example.storage.Database;
import io.statelessauth.example.storage.DatabaseFile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Revocations between processes sharing one SQLite file, which has no way to push a message: the
 * revoking transaction appends the token hashes to the table {@code revocation_log}, and each
 * instance reads what was appended since its last look every {@link #POLL_INTERVAL}, on a
 * connection of its own (in write-ahead-log mode a reader never waits for a writer).
 *
 * <p>Rows are numbered by {@code AUTOINCREMENT}, so numbers only grow, with no gap but where rows
 * were deleted. Each revocation deletes the rows older than {@link #RETENTION}; an instance that
 * finds a gap after the last number it read (it could not poll for that long) clears its whole
 * cache, and so does one whose file was replaced (a restored backup) or whose log went back. While
 * the file cannot be read, the cache is cleared at every poll ({@link Hearing}).
 *
 * <p>Each poll reads everything committed before it began, so each poll that succeeds within
 * {@link RevocationChannel#MAX_ROUND_TRIP} confirms the channel ({@link
 * CacheInvalidator#confirm}); one that fails, whatever it throws ({@link Error}s included), or
 * that never ends confirms nothing, and the cache's lease runs out.
 */
public final class SqliteRevocations implements RevocationChannel {

  /** How often each instance reads the log. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(20);
  /** How long a row stays in the log. */
  static final Duration RETENTION = Duration.ofMinutes(1);

  private final Database.Connector connector;
  private final DatabaseFile file;

  /** Polls the log of {@code file} on a connection of its own, opened by {@code connector}. */
  public SqliteRevocations(Database.Connector connector, DatabaseFile file) {
    this.connector = connector;
    this.file = file;
  }

  /**
   * {@inheritDoc} Also deletes the rows older than {@link #RETENTION}, by the wall clock: the
   * processes sharing the file share no other.
   */
  @Override
  public void publish(Connection connection, Collection<String> tokenHashes) throws SQLException {
    long now = System.currentTimeMillis();
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO revocation_log (token_hash, revoked_at) VALUES (?, ?)")) {
      for (String hash : tokenHashes) {
        insert.setString(1, hash);
        insert.setLong(2, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement prune = connection.prepareStatement(
        "DELETE FROM revocation_log WHERE revoked_at < ?")) {
      prune.setLong(1, now - RETENTION.toMillis());
      prune.executeUpdate();
    }
  }

  /**
   * {@inheritDoc} Reads where the log stands before it returns (on the poller's thread, which
   * keeps the connection), so that every revocation published after the service starts serving
   * is read.
   */
  @Override
  public Listening listen(CacheInvalidator cache) {
    Poller poller = new Poller(cache);
    poller.thread.start();
    try {
      poller.firstPoll.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return poller;
  }

  /** The thread that reads the log. */
  private final class Poller implements Listening {

    private final CacheInvalidator cache;
    private final Hearing hearing;
    private final Thread thread;
    private final CountDownLatch firstPoll = new CountDownLatch(1);
    private volatile boolean closed;
    private Connection connection;
    private Object openedOn;
    private long lastRead;

    Poller(CacheInvalidator cache) {
      this.cache = cache;
      this.hearing = new Hearing("the SQLite table revocation_log", cache);
      this.thread = new Thread(this::run, "revocation-poller");
      thread.setDaemon(true);
    }

    private void run() {
      try {
        try {
          pollOnce();
        } finally {
          firstPoll.countDown();
        }
        while (!closed) {
          Thread.sleep(POLL_INTERVAL.toMillis());
          pollOnce();
        }
      } catch (InterruptedException e) {
        // closed
      } finally {
        disconnect();
      }
    }

    private void pollOnce() {
      long startedAt = System.nanoTime();
      try {
        poll();
        hearing.heard();
        cache.confirm(startedAt);
      } catch (Throwable e) {
        // Errors too (a driver's stack overflow, memory running out): the thread goes on, and
        // until a poll succeeds no confirmation renews the cache's lease.
        try {
          disconnect();
          hearing.lost(e);
        } catch (Throwable alsoFailed) {
          // Closing, clearing or logging failed too (memory running out): the lease, not
          // renewed, keeps the cache from answering, and the thread goes on.
        }
      }
    }

    private void poll() throws SQLException {
      Object identity = file.identity();
      if (connection == null || !identity.equals(openedOn)) {
        // First look, or another file at the path: what this instance cached came from elsewhere.
        disconnect();
        connection = connector.connect();
        openedOn = identity;
        lastRead = sequence();
        cache.forgetAll();
        return;
      }
      List<String> hashes = new ArrayList<>();
      long expected = lastRead + 1;
      boolean gap = false;
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT id, token_hash FROM revocation_log WHERE id > ? ORDER BY id")) {
        select.setLong(1, lastRead);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            long id = rows.getLong(1);
            gap |= id != expected;
            expected = id + 1;
            hashes.add(rows.getString(2));
          }
        }
      }
      if (hashes.isEmpty()) {
        long sequence = sequence();
        if (sequence != lastRead) {
          // Rows came and were deleted before this look, or the log went back.
          cache.forgetAll();
          lastRead = sequence;
        }
        return;
      }
      if (gap) {
        cache.forgetAll();
      } else {
        cache.forget(hashes);
      }
      lastRead = expected - 1;
    }

    /** The last number the log handed out; 0 before its first row. */
    private long sequence() throws SQLException {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT seq FROM sqlite_sequence WHERE name = 'revocation_log'");
          ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }

    private void disconnect() {
      Connection dropped = connection;
      connection = null;
      if (dropped != null) {
        try {
          dropped.close();
        } catch (SQLException e) {
          // dropped either way
        }
      }
    }

    @Override
    public void close() {
      closed = true;
      thread.interrupt();
      try {
        thread.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
