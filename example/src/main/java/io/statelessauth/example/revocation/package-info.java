/**
 * How a revoked token leaves every instance's authentication cache: the revoking transaction
 * ({@code Revocations}) publishes the token hashes through a {@code RevocationChannel}
 * (PostgreSQL notifications, {@code PostgresRevocations}, or a SQLite log table, {@code
 * SqliteRevocations}); each instance's listener tells its cache ({@code CacheInvalidator}), renews
 * the cache's lease at every quick round trip through the channel, and clears the cache when the
 * channel cannot be heard ({@code Hearing}).
 */
package io.statelessauth.example.revocation;
