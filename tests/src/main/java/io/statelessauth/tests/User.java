package io.statelessauth.tests;

import io.statelessauth.UserMixin;
import java.util.Set;

/** A stored user, who may have been deactivated, and the roles they hold. */
public record User(long id, String name, boolean active, Set<String> roles) implements UserMixin {

  @Override
  public boolean isActive() {
    return active;
  }
}
