package io.statelessauth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-written manager as the processor would generate it for models that implement both
 * mixins, with in-memory loaders. Tokens {@code alice-token} (scope {@code read}) and {@code
 * bob-token} (scopes {@code read}, {@code write}) are known from the start. The processor's
 * {@code TestManagerMatchesGeneratedTest} holds its constructor call and overrides to what the
 * processor generates.
 */
final class TestManager extends AbstractStatelessAuthManager<TestToken, TestUser> {
  static final String ALICE_TOKEN = "alice-token";
  static final String BOB_TOKEN = "bob-token";

  final Map<String, TestToken> tokens = new ConcurrentHashMap<>();
  final Map<String, TestUser> users = new ConcurrentHashMap<>();
  /** Every token loader call, as {@code token|tokenType|authType}. */
  final List<String> tokenLoads = new CopyOnWriteArrayList<>();
  /** Every user loader call, by user name. */
  final List<String> userLoads = new CopyOnWriteArrayList<>();

  private volatile Throwable tokenLoaderFailure;
  private volatile Throwable userLoaderFailure;
  private volatile boolean userLoaderReturnsNull;

  private TestManager(Builder builder) {
    super(ModelMixins.TOKEN_AND_USER, builder);
    tokens.put(ALICE_TOKEN, TestToken.of("alice", "read"));
    tokens.put(BOB_TOKEN, TestToken.of("bob", "read", "write"));
    users.put("alice", TestUser.active("alice"));
    users.put("bob", TestUser.active("bob"));
  }

  /** A manager with every setting at its default. */
  TestManager() {
    this(builder());
  }

  /** A builder, as the generated {@code StatelessAuthManager.builder()} gives, minus the loader setters. */
  static Builder builder() {
    return new Builder();
  }

  TestManager token(String token, TestToken model) {
    tokens.put(token, model);
    return this;
  }

  TestManager user(TestUser user) {
    users.put(user.name(), user);
    return this;
  }

  /** Makes the token loader throw {@code failure} (unchecked) on every call; {@code null} to stop. */
  TestManager failTokenLoader(Throwable failure) {
    tokenLoaderFailure = failure;
    return this;
  }

  /** Makes the user loader throw {@code failure} (unchecked) on every call; {@code null} to stop. */
  TestManager failUserLoader(Throwable failure) {
    userLoaderFailure = failure;
    return this;
  }

  /** Makes the user loader find no user for any token. */
  TestManager loseUsers() {
    userLoaderReturnsNull = true;
    return this;
  }

  @Override
  protected TestToken loadToken(String token, String tokenType, String authType) {
    tokenLoads.add(token + "|" + tokenType + "|" + authType);
    throwIfSet(tokenLoaderFailure);
    return tokens.get(token);
  }

  @Override
  protected TestUser loadUser(TestToken token) {
    userLoads.add(token.userName());
    throwIfSet(userLoaderFailure);
    return userLoaderReturnsNull ? null : users.get(token.userName());
  }

  private static void throwIfSet(Throwable failure) {
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    if (failure != null) {
      throw new IllegalArgumentException("Loaders throw only unchecked exceptions", failure);
    }
  }

  /** The generated builder's shape: the runtime's settings, then {@code build()}. */
  static final class Builder extends ManagerBuilder<Builder> {
    private Builder() {}

    TestManager build() {
      return new TestManager(this);
    }
  }
}
