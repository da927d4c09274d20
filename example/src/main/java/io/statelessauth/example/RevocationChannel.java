package io.statelessauth.example;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * How the instances sharing a database tell each other which tokens were revoked, so that no
 * instance's authentication cache keeps accepting them: PostgreSQL notifications ({@link
 * PostgresRevocations}), or a log table that SQLite instances poll ({@link SqliteRevocations}).
 * Only {@code SecretTokens.hash} values travel, never tokens.
 */
interface RevocationChannel {

  /**
   * Records, in the revoking transaction open on {@code connection}, that the tokens with these
   * hashes are revoked; the other instances hear of it when, and only if, the transaction commits.
   */
  void publish(Connection connection, Collection<String> tokenHashes) throws SQLException;

  /**
   * Starts telling {@code cache} of every revocation that any instance publishes, on a thread of
   * its own, until the returned listener is closed. When the channel cannot be heard, the cache
   * is cleared, since what it would have heard is unknown.
   */
  Listening listen(CacheInvalidator cache);

  /** A running listener; closing it stops its thread and closes its connection. */
  interface Listening extends AutoCloseable {
    @Override
    void close();
  }
}
