/**
 * The stateless-auth example service: flask-stateless-auth's example application on the JDK's
 * {@code HttpServer}, with users and hashed tokens in SQLite or PostgreSQL through JDBC. {@link
 * io.statelessauth.example.Main} runs the command line ({@code cli}); {@code ExampleServer} wires
 * the other packages into a running service: the {@code storage} and its {@code revocation}
 * channel, the authentication manager with its cache ({@code auth}), the {@code routes} and the
 * {@code metrics}, on a JDK server whose limits {@code ServerProperties} sets.
 */
package io.statelessauth.example;
