package io.statelessauth.example.revocation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;

/**
 * How the instances sharing a database tell each other which tokens were revoked, so that no
 * instance's authentication cache keeps accepting them: PostgreSQL notifications ({@link
 * PostgresRevocations}), or a log table that SQLite instances poll ({@link SqliteRevocations}).
 * Only {@code SecretTokens.hash} values travel, never tokens.
 *
 * <p>A listener also <em>confirms</em> its channel by a round trip through it (a heartbeat
 * notification that comes back on the listening connection, a poll of the log) and then renews
 * the cache's lease ({@link CacheInvalidator#confirm}); a cache whose lease has run out answers
 * nothing from memory. Whatever breaks (the connection, the thread, the server, silently or
 * not), confirmations stop, and a revocation committed elsewhere is refused here within {@link
 * #STALENESS_BOUND}.
 */
public interface RevocationChannel {

  /**
   * The longest a revocation committed on one instance is accepted by another, whatever fails: a
   * round trip that began before the revocation committed confirms the channel for at most
   * {@link #LEASE} after it ended, and it took at most {@link #MAX_ROUND_TRIP}.
   */
  Duration STALENESS_BOUND = Duration.ofSeconds(1);

  /** The longest round trip through the channel that still confirms it. */
  Duration MAX_ROUND_TRIP = Duration.ofMillis(300);

  /** How long after a confirmation the cache answers from memory: the lease it is built with. */
  Duration LEASE = STALENESS_BOUND.minus(MAX_ROUND_TRIP);

  /**
   * Records, in the revoking transaction open on {@code connection}, that the tokens with these
   * hashes are revoked; the other instances hear of it when, and only if, the transaction commits.
   */
  void publish(Connection connection, Collection<String> tokenHashes) throws SQLException;

  /**
   * Starts telling {@code cache} of every revocation that any instance publishes, and confirming
   * the channel to it, on a thread of its own, until the returned listener is closed. When the
   * channel cannot be heard, the cache is cleared, since what it would have heard is unknown; the
   * thread goes on trying, whatever it was thrown, {@link Error}s included.
   */
  Listening listen(CacheInvalidator cache);

  /** A running listener; closing it stops its thread and closes its connection. */
  interface Listening extends AutoCloseable {
    @Override
    void close();
  }
}
