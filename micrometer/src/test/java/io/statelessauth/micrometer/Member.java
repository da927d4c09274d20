package io.statelessauth.micrometer;

import io.statelessauth.UserMixin;
import java.util.Set;

/** A user: name, whether the account is active, and roles. */
record Member(String name, boolean active, Set<String> roles) implements UserMixin {

  /** An active user holding {@code roles}. */
  static Member active(String name, String... roles) {
    return new Member(name, true, Set.of(roles));
  }

  @Override
  public boolean isActive() {
    return active;
  }
}
