/**
 * The database, through JDBC: the connection pool, the schema and its migrations, transactions
 * and outages ({@code Database}, {@code DatabaseFile}, {@code DatabaseUrl}, {@code SqlFailures},
 * {@code DatabaseUnavailable}, {@code OutageLog}, {@code LegacySchema}, {@code
 * NameKeysMigration}); the tables ({@code UserStore}, {@code TokenStore}, {@code ApiKeyStore}); and
 * what they hold ({@code User}, {@code Token}, {@code IssuedTokens}). Every write that makes a
 * token invalid runs through {@code revocation}, whose channel the {@code Database} opens.
 */
package io.statelessauth.example.storage;
