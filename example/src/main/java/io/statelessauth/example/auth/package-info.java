/**
 * The authentication wiring: the {@code @TokenLoader} ({@code Tokens}) and the {@code @UserLoader}
 * ({@code Users}), which find a presented token and its owner in {@code storage}; the {@code
 * ApiKey} scheme and its header ({@code ApiKeyScheme}); and the error handler that adds {@code
 * Retry-After} to a 503. The processor generates {@code StatelessAuthManager} here, beside the
 * token loader; the routes that take a token, in {@code routes}, authenticate through it.
 */
package io.statelessauth.example.auth;
