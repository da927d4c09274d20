package io.statelessauth.tests;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The end-to-end test's datastore: a few users, their tokens and API keys, plus the tokens tests add. */
final class Store {
  static final User ALICE = new User(1, "alice", true, Set.of("support"));
  static final User GONE = new User(2, "gone", false, Set.of("admin"));
  static final User BOB = new User(3, "bob", true, Set.of());

  static final List<User> USERS = List.of(ALICE, GONE, BOB);
  static final List<Token> TOKENS =
      List.of(
          new Token("alice-access", "access", 1, Set.of("read"), false),
          new Token("alice-admin", "access", 1, Set.of("read", "admin"), false),
          new Token("alice-refresh", "refresh", 1, Set.of(), false),
          new Token("alice-expired", "access", 1, Set.of(), true),
          new Token("orphan-access", "access", 99, Set.of(), false),
          new Token("gone-access", "access", 2, Set.of(), false),
          new Token("bob-access", "access", 3, Set.of("read"), false));

  /** API keys: found only when presented with the {@code ApiKey} scheme. */
  static final List<Token> KEYS =
      List.of(
          new Token("alice-key", "access", 1, Set.of("read"), false),
          new Token("alice-admin-key", "access", 1, Set.of("read", "admin"), false),
          new Token("alice-expired-key", "access", 1, Set.of(), true),
          new Token("gone-key", "access", 2, Set.of(), false),
          new Token("bob-key", "access", 3, Set.of("read"), false));

  /** Tokens added by tests, by secret. */
  private static final Map<String, Token> ADDED = new ConcurrentHashMap<>();
  /** API keys added by tests, by secret. */
  private static final Map<String, Token> ADDED_KEYS = new ConcurrentHashMap<>();

  private Store() {}

  /** Stores {@code token} for the rest of the test run. */
  static void add(Token token) {
    ADDED.put(token.secret(), token);
  }

  /** Stores the API key {@code key} for the rest of the test run. */
  static void addKey(Token key) {
    ADDED_KEYS.put(key.secret(), key);
  }

  /** The API key with this secret and type, or {@code null}. */
  static Token findKey(String secret, String type) {
    Token added = ADDED_KEYS.get(secret);
    if (added != null) {
      return added.type().equals(type) ? added : null;
    }
    return KEYS.stream()
        .filter(t -> t.secret().equals(secret) && t.type().equals(type))
        .findFirst()
        .orElse(null);
  }

  /** The stored token with this secret and type, or {@code null}. */
  static Token find(String secret, String type) {
    Token added = ADDED.get(secret);
    if (added != null) {
      return added.type().equals(type) ? added : null;
    }
    return TOKENS.stream()
        .filter(t -> t.secret().equals(secret) && t.type().equals(type))
        .findFirst()
        .orElse(null);
  }
}
