package io.statelessauth;

/**
 * What the loaders returned for one token, as the cache keeps it: the token model and its user,
 * both non-null.
 */
final class Authentication<T, U> {
  final T token;
  final U user;

  Authentication(T token, U user) {
    this.token = token;
    this.user = user;
  }
}
