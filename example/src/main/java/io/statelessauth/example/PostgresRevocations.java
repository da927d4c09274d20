package io.statelessauth.example;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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
 * <p>A listening connection that breaks (killed by {@code pg_terminate_backend}, a server restart,
 * a network failure; a silent one is found by a heartbeat every {@link #HEARTBEAT}) is opened
 * again after 50 ms, then after twice as long each time up to {@link #MAX_RECONNECT_DELAY};
 * meanwhile the cache is cleared every {@link #CLEAR_INTERVAL}, and once more when it listens
 * again, since notifications sent in between are lost ({@link Hearing}).
 */
final class PostgresRevocations implements RevocationChannel {

  /** The notification channel. */
  static final String CHANNEL = "stateless_auth_revoked";
  /** The {@code application_name} of the listening connections, as {@code pg_stat_activity} shows it. */
  static final String APPLICATION_NAME = "stateless-auth revocations";
  /** Token hashes per notification. */
  static final int HASHES_PER_NOTIFICATION = 100;
  /** How long the listener waits for a notification before it checks that its connection is alive. */
  static final Duration HEARTBEAT = Duration.ofSeconds(1);
  /** How often the cache is cleared while the listener cannot listen. */
  static final Duration CLEAR_INTERVAL = Duration.ofMillis(50);
  /** How long the service waits at start-up for its first attempt to listen. */
  static final Duration FIRST_ATTEMPT_LIMIT = Duration.ofSeconds(30);
  /** The longest wait between two attempts to listen again. */
  static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);

  private static final Pattern HASHES = Pattern.compile("[0-9a-f]{64}( [0-9a-f]{64})*");

  private final Database.Connector connector;

  PostgresRevocations(Database.Connector connector) {
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
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile Connection current;
    private long reconnectDelay = CLEAR_INTERVAL.toMillis();

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
        } catch (SQLException | RuntimeException e) {
          if (closed) {
            return;
          }
          hearing.lost(e);
          firstAttempt.countDown();
          if (!clearFor(reconnectDelay)) {
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
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + CHANNEL);
        }
        hearing.heard();
        reconnectDelay = CLEAR_INTERVAL.toMillis();
        firstAttempt.countDown();
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] received = notifications.getNotifications((int) HEARTBEAT.toMillis());
          if (received == null || received.length == 0) {
            if (!closed && !connection.isValid((int) HEARTBEAT.toSeconds())) {
              throw new SQLException("The listening connection did not answer a heartbeat");
            }
            continue;
          }
          for (PGNotification notification : received) {
            deliver(notification.getParameter());
          }
        }
      } finally {
        current = null;
      }
    }

    private void deliver(String payload) {
      if (HASHES.matcher(payload).matches()) {
        cache.forget(Arrays.asList(payload.split(" ")));
      } else {
        cache.forgetAll();
      }
    }

    /** Clears the cache every {@link #CLEAR_INTERVAL} for {@code millis}; false when closed meanwhile. */
    private boolean clearFor(long millis) {
      long end = System.nanoTime() + millis * 1_000_000;
      try {
        while (!closed && System.nanoTime() < end) {
          Thread.sleep(Math.min(CLEAR_INTERVAL.toMillis(),
              Math.max(1, (end - System.nanoTime()) / 1_000_000)));
          cache.forgetAll();
        }
      } catch (InterruptedException e) {
        return false;
      }
      return !closed;
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
        thread.join(HEARTBEAT.toMillis() * 2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
