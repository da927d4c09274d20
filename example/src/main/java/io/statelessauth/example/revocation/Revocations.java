package io.statelessauth.example.revocation;

import io.statelessauth.example.storage.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the statements that make tokens invalid so that no cache goes on accepting them: in one
 * transaction, the revoking statements collect the hashes of the tokens they revoke, and the
 * {@link RevocationChannel} publishes them to the other instances, which hear of it only once it
 * has committed; after the commit, and before the caller answers its request, this instance's own
 * cache forgets them (a cache that forgot them before the commit could load them again from the
 * database in between).
 */
public final class Revocations {

  private final Database database;
  private final CacheInvalidator cache;

  /** Revokes in {@code database}, publishes through its channel, then forgets in {@code cache}. */
  public Revocations(Database database, CacheInvalidator cache) {
    this.database = database;
    this.cache = cache;
  }

  /** Runs {@code work} as one transaction that also publishes what it revoked; see above. */
  public <R> R transaction(RevokingWork<R> work) {
    List<String> revoked = new ArrayList<>();
    try {
      return database.transaction(connection -> {
        R outcome = work.run(connection, revoked);
        if (!revoked.isEmpty()) {
          database.revocationChannel().publish(connection, revoked);
        }
        return outcome;
      });
    } finally {
      // Also when it failed: a commit can fail after the data was committed, and forgetting a
      // token that is still valid costs one more load.
      cache.forget(revoked);
    }
  }

  /** Statements that revoke tokens, adding the hash of each token they revoke to {@code revoked}. */
  @FunctionalInterface
  public interface RevokingWork<R> {
    /** Does the work; the connection belongs to the {@link Database} and must not be closed. */
    R run(Connection connection, List<String> revoked) throws SQLException;
  }
}
