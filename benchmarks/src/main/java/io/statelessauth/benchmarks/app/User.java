package io.statelessauth.benchmarks.app;

import io.statelessauth.UserMixin;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The benchmark application's user; its greeting is encoded once so that handlers allocate nothing. */
public final class User implements UserMixin {
  private final String name;
  private final boolean active;
  private final Set<String> roles;
  private final byte[] greeting;

  /** A user called {@code name} who holds {@code roles}. */
  public User(String name, boolean active, Set<String> roles) {
    this.name = name;
    this.active = active;
    this.roles = Set.copyOf(roles);
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

  @Override
  public Set<String> roles() {
    return roles;
  }

  /** The response body the handler sends this user; not to be modified. */
  byte[] greeting() {
    return greeting;
  }
}
