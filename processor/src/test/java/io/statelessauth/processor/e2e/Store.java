package io.statelessauth.processor.e2e;

import java.util.List;
import java.util.Set;

/** The end-to-end test's datastore: a few users and their tokens. */
final class Store {
  static final User ALICE = new User(1, "alice", true);
  static final User GONE = new User(2, "gone", false);

  static final List<User> USERS = List.of(ALICE, GONE);
  static final List<Token> TOKENS =
      List.of(
          new Token("alice-access", "access", 1, Set.of("read"), false),
          new Token("alice-admin", "access", 1, Set.of("read", "admin"), false),
          new Token("alice-refresh", "refresh", 1, Set.of(), false),
          new Token("alice-expired", "access", 1, Set.of(), true),
          new Token("orphan-access", "access", 99, Set.of(), false),
          new Token("gone-access", "access", 2, Set.of(), false));

  private Store() {}
}
