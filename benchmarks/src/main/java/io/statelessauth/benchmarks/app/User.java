package io.statelessauth.benchmarks.app;

import io.statelessauth.UserMixin;
import java.nio.charset.StandardCharsets;

/** The benchmark application's user; its greeting is encoded once so that handlers allocate nothing. */
public final class User implements UserMixin {
  private final String name;
  private final boolean active;
  private final byte[] greeting;

  /** A user called {@code name}. */
  public User(String name, boolean active) {
    this.name = name;
    this.active = active;
    this.greeting = ("hello " + name).getBytes(StandardCharsets.UTF_8);
  }

  /** The user's name. */
  public String name() {
    return name;
  }

  @Override
  public boolean isActive() {
    return active;
  }

  /** The response body the handler sends this user; not to be modified. */
  byte[] greeting() {
    return greeting;
  }
}
