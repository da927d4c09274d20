/**
 * Bearer-token authentication for the JDK's {@code HttpServer}: {@link
 * io.statelessauth.AbstractStatelessAuthManager} runs the request steps for the generated
 * {@code StatelessAuthManager}; {@link io.statelessauth.StatelessAuthConfig}, {@link
 * io.statelessauth.AuthErrorHandler} and {@link io.statelessauth.AuthListener} tune it; {@link
 * io.statelessauth.TokenMixin} and {@link io.statelessauth.UserMixin} let models take part in
 * the checks; {@link io.statelessauth.AuthCache} keeps what the loaders returned between requests,
 * with revocation through the manager; {@link io.statelessauth.SecretTokens} makes and hashes tokens.
 */
package io.statelessauth;
