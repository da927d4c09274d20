package io.statelessauth;

/** A user model that takes part in the active-user check. */
record TestUser(String name, boolean active) implements UserMixin {

  static TestUser active(String name) {
    return new TestUser(name, true);
  }

  static TestUser inactive(String name) {
    return new TestUser(name, false);
  }

  @Override
  public boolean isActive() {
    return active;
  }
}
