/**
 * The stateless-auth example service: flask-stateless-auth's example application on the JDK's
 * {@code HttpServer}, with users and hashed tokens in SQLite or PostgreSQL through JDBC. Start at
 * {@link io.statelessauth.example.Main}; the authentication wiring is in {@code ExampleServer},
 * {@code Tokens}, {@code Users} and {@code MemberRoutes}.
 */
package io.statelessauth.example;
