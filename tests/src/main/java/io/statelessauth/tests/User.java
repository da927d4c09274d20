package io.statelessauth.tests;

import io.statelessauth.UserMixin;

/** A stored user, who may have been deactivated. */
public record User(long id, String name, boolean active) implements UserMixin {

  @Override
  public boolean isActive() {
    return active;
  }
}
