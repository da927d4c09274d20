package io.statelessauth.example;

/**
 * A registered user, as the {@link Users} loader hands it to the protected routes.
 *
 * @param username the user's unique name
 */
record User(String username) {}
