/**
 * Handlers tested without a socket: {@link io.statelessauth.testing.TestRequest} builds a request,
 * sends it to any {@code HttpHandler} (a generated one, a hand-written one, or one behind a {@code
 * Filter}) on an in-memory {@link io.statelessauth.testing.TestExchange} on the calling thread, and
 * returns the {@link io.statelessauth.testing.TestResponse}. The exchange keeps the rules of the
 * JDK's {@code HttpServer} that handlers rely on, so a refusal in a test is the refusal a client
 * gets.
 */
package io.statelessauth.testing;
