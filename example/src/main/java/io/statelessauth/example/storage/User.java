package io.statelessauth.example.storage;

import io.statelessauth.UserMixin;
import java.util.Objects;
import java.util.Set;

/**
 * A registered user, as the {@code Users} loader hands it to the protected routes, with the roles
 * stored for them. Implementing {@link UserMixin} lets routes name roles: {@code GET /admin/users}
 * needs {@value #ADMIN}.
 *
 * @param username the user's unique name
 * @param roles the roles the user holds, such as {@value #ADMIN}
 */
public record User(String username, Set<String> roles) implements UserMixin {

  /** The role of the administrators, granted at start-up with {@code --admin NAME}. */
  public static final String ADMIN = "admin";

  public User {
    Objects.requireNonNull(username, "username");
    roles = Set.copyOf(roles);
  }
}
