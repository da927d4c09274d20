package io.statelessauth.example.auth;

import io.statelessauth.annotations.UserLoader;
import io.statelessauth.example.storage.Token;
import io.statelessauth.example.storage.User;
import io.statelessauth.example.storage.UserStore;

/**
 * The user loader: finds the owner of a token. A token whose user is gone gives {@code null},
 * which the library answers with 500. Deleting a user deletes their tokens in the same
 * transaction, so that happens only when the user is deleted between the two lookups of one
 * request, or when the database was changed by hand. An unavailable database answers 503, as in
 * {@link Tokens}.
 */
@UserLoader
public final class Users {

  private final UserStore store;

  /** Looks the owners of tokens up in {@code store}. */
  public Users(UserStore store) {
    this.store = store;
  }

  /** The owner of {@code token}, with their roles, or {@code null}. */
  User load(Token token) {
    return store.find(token.username()).orElse(null);
  }
}
