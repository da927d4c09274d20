package io.statelessauth.example;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * This instance's authentication cache as revocations reach it: told to forget tokens by their
 * {@code SecretTokens.hash}, or everything. It is bound to the manager once the manager is built;
 * before that, and when the cache is off, nothing is cached and there is nothing to forget.
 */
final class CacheInvalidator {

  private volatile Consumer<String> forgetHash = hash -> { };
  private volatile Runnable forgetEverything = () -> { };

  /** From now on, forgets through {@code forgetHash} and {@code forgetEverything}. */
  void bind(Consumer<String> forgetHash, Runnable forgetEverything) {
    this.forgetHash = Objects.requireNonNull(forgetHash, "forgetHash");
    this.forgetEverything = Objects.requireNonNull(forgetEverything, "forgetEverything");
  }

  /** Forgets the tokens whose hashes are {@code tokenHashes}, before it returns. */
  void forget(Collection<String> tokenHashes) {
    Consumer<String> forget = forgetHash;
    tokenHashes.forEach(forget);
  }

  /** Forgets every token, before it returns. */
  void forgetAll() {
    forgetEverything.run();
  }
}
