package io.statelessauth.example.revocation;

import io.statelessauth.example.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Revocations between instances over PostgreSQL: {@code NOTIFY} on {@value #CHANNEL} in the
 * revoking transaction, which PostgreSQL delivers when it commits, and a thread per instance that
 * {@code LISTEN}s on a connection of its own.
 *
 * <p>A notification carries up to {@value #HASHES_PER_NOTIFICATION} token hashes separated by
 * spaces (64 hexadecimal digits each: well under PostgreSQL's 8000-byte payload limit). A
 * payload that is anything else clears the whole cache, the safe reading of a message not
 * understood.
 *
 * <p>Every {@link #HEARTBEAT} the listener notifies a channel of its own on its listening
 * connection and waits for that heartbeat to come back. PostgreSQL keeps one queue of
 * notifications in commit order, and a listener reads it in that order: when the heartbeat
 * arrives, every revocation committed before it was sent has arrived too, and the listener
 * confirms the channel ({@link CacheInvalidator#confirm}). A heartbeat that has not come back
 * after {@link #HEARTBEAT_TIMEOUT} breaks the connection; so does anything thrown, an {@link
 * Error} included. A broken connection (killed by {@code pg_terminate_backend}, a server restart,
 * a network failure) is opened again after 50 ms, then after twice as long each time up to
 * {@link #MAX_RECONNECT_DELAY}; the cache is cleared when it breaks and once more when the
 * listener listens again, since notifications sent in between are lost ({@link Hearing}), and
 * meanwhile no confirmation renews the cache's lease.
 */
public final class PostgresRevocations implements RevocationChannel {

  /** The notification channel. */
  static final String CHANNEL = "stateless_auth_revoked";
  /** The {@code application_name} of the listening connections, as {@code pg_stat_activity} shows it. */
  public static final String APPLICATION_NAME = "stateless-auth revocations";
  /** Token hashes per notification. */
  static final int HASHES_PER_NOTIFICATION = 100;
  /** How often the listener sends a heartbeat through its connection. */
  static final Duration HEARTBEAT = Duration.ofMillis(100);
  /** How long a heartbeat may take to come back before the connection counts as broken. */
  static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(5);
  /** How long the service waits at start-up for its first attempt to listen. */
  static final Duration FIRST_ATTEMPT_LIMIT = Duration.ofSeconds(30);
  /** The first wait before the listener tries to listen again. */
  static final Duration FIRST_RECONNECT_DELAY = Duration.ofMillis(50);
  /** The longest wait between two attempts to listen again. */
  static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);

  private static final Pattern HASHES = Pattern.compile("[0-9a-f]{64}( [0-9a-f]{64})*");

  private final Database.Connector connector;

  /** Listens on connections of its own, opened by {@code connector}. */
  public PostgresRevocations(Database.Connector connector) {
    this.connector = connector;
  }

  @Override
  public void publish(Connection connection, Collection<String> tokenHashes) throws SQLException {
    List<String> hashes = List.copyOf(tokenHashes);
    try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      for (int from = 0; from < hashes.size(); from += HASHES_PER_NOTIFICATION) {
        List<String> chunk =
            hashes.subList(from, Math.min(hashes.size(), from + HASHES_PER_NOTIFICATION));
        notify.setString(1, CHANNEL);
        notify.setString(2, String.join(" ", chunk));
        try (ResultSet ignored = notify.executeQuery()) {
          // pg_notify returns void; the notification goes out when the transaction commits
        }
      }
    }
  }

  /**
   * {@inheritDoc} Returns once the listener listens, or has failed to for the first time (and
   * clears the cache until it can), so that no revocation published after the service starts
   * serving can go unheard.
   */
  @Override
  public Listening listen(CacheInvalidator cache) {
    Listener listener = new Listener(connector, cache);
    listener.thread.start();
    boolean attempted;
    try {
      attempted = listener.firstAttempt.await(FIRST_ATTEMPT_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      attempted = false;
    }
    if (!attempted) {
      listener.close();
      throw new IllegalStateException("Could not start listening for revocations within "
          + FIRST_ATTEMPT_LIMIT.toSeconds() + " s");
    }
    return listener;
  }

  /** The thread that listens, and opens its connection again whenever it breaks. */
  private static final class Listener implements Listening {

    private final Database.Connector connector;
    private final CacheInvalidator cache;
    private final Hearing hearing;
    private final Thread thread;
    /** The channel only this listener hears, for its heartbeats. */
    private final String heartbeats =
        "stateless_auth_heartbeat_" + UUID.randomUUID().toString().replace("-", "");
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile Connection current;
    private long reconnectDelay = FIRST_RECONNECT_DELAY.toMillis();

    Listener(Database.Connector connector, CacheInvalidator cache) {
      this.connector = connector;
      this.cache = cache;
      this.hearing = new Hearing("PostgreSQL LISTEN " + CHANNEL, cache);
      this.thread = new Thread(this::run, "revocation-listener");
      thread.setDaemon(true);
    }

    private void run() {
      while (!closed) {
        try {
          listenUntilClosed();
        } catch (Throwable e) {
          // Errors too (a driver's stack overflow, memory running out): the thread goes on, and
          // until it hears again no confirmation renews the cache's lease.
          if (closed) {
            return;
          }
          try {
            hearing.lost(e);
          } catch (Throwable alsoFailed) {
            // Clearing or logging failed too (memory running out): the lease, not renewed,
            // keeps the cache from answering, and the thread goes on.
          }
          firstAttempt.countDown();
          try {
            Thread.sleep(reconnectDelay);
          } catch (InterruptedException interrupted) {
            return;
          }
          reconnectDelay = Math.min(reconnectDelay * 2, MAX_RECONNECT_DELAY.toMillis());
        }
      }
    }

    /** Listens until closed (returns) or until the connection breaks (throws). */
    private void listenUntilClosed() throws SQLException {
      try (Connection connection = connector.connect()) {
        current = connection;
        if (closed) {
          return;
        }
        // A connection that stops answering fails the heartbeat's NOTIFY instead of holding it.
        connection.setNetworkTimeout(Runnable::run, (int) HEARTBEAT_TIMEOUT.toMillis());
        try (Statement listen = connection.createStatement()) {
          // Nothing of a heartbeat needs to survive a crash: no disk flush per heartbeat.
          listen.execute("SET synchronous_commit = off");
          listen.execute("LISTEN " + CHANNEL);
          listen.execute("LISTEN " + heartbeats);
        }
        hearing.heard();
        reconnectDelay = FIRST_RECONNECT_DELAY.toMillis();
        firstAttempt.countDown();
        try (PreparedStatement heartbeat = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
          heartbeat.setString(1, heartbeats);
          receiveUntilClosed(connection.unwrap(PGConnection.class), heartbeat);
        }
      } finally {
        current = null;
      }
    }

    /**
     * Sends a heartbeat every {@link #HEARTBEAT} once the last one came back, confirms the
     * channel for each that does, and delivers the revocations in between.
     */
    private void receiveUntilClosed(PGConnection notifications, PreparedStatement heartbeat)
        throws SQLException {
      long sequence = 0;
      long sentAt = System.nanoTime() - HEARTBEAT.toNanos();
      boolean returned = true;
      while (!closed) {
        long now = System.nanoTime();
        long due = sentAt + (returned ? HEARTBEAT : HEARTBEAT_TIMEOUT).toNanos();
        if (now - due >= 0) {
          if (!returned) {
            throw new SQLException("No heartbeat came back through the listening connection"
                + " within " + HEARTBEAT_TIMEOUT.toMillis() + " ms");
          }
          sequence++;
          sentAt = System.nanoTime();
          heartbeat.setString(2, Long.toString(sequence));
          try (ResultSet ignored = heartbeat.executeQuery()) {
            // comes back as a notification, after every one committed before it
          }
          returned = false;
          continue;
        }
        PGNotification[] received = notifications.getNotifications(
            (int) Math.max(1, Math.min(HEARTBEAT_TIMEOUT.toMillis(), (due - now) / 1_000_000)));
        for (PGNotification notification : received == null ? new PGNotification[0] : received) {
          if (!heartbeats.equals(notification.getName())) {
            deliver(notification.getParameter());
          } else if (notification.getParameter().equals(Long.toString(sequence))) {
            returned = true;
            cache.confirm(sentAt);
          }
        }
      }
    }

    private void deliver(String payload) {
      if (HASHES.matcher(payload).matches()) {
        cache.forget(Arrays.asList(payload.split(" ")));
      } else {
        cache.forgetAll();
      }
    }

    @Override
    public void close() {
      closed = true;
      Connection connection = current;
      if (connection != null) {
        try {
          // close() would wait for the lock that a waiting getNotifications holds; abort does not.
          connection.abort(Runnable::run);
        } catch (SQLException e) {
          // the thread ends either way
        }
      }
      thread.interrupt();
      try {
        thread.join(HEARTBEAT_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
