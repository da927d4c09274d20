package io.statelessauth;

import java.util.Set;

/** A user model that takes part in the active-user and role checks. */
record TestUser(String name, boolean active, Set<String> roles) implements UserMixin {

  static TestUser active(String name) {
    return new TestUser(name, true, Set.of());
  }

  static TestUser inactive(String name) {
    return new TestUser(name, false, Set.of());
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public String toString() {
    return "TestUser[name=" + name + ", active=" + active + "]";
  }
}
