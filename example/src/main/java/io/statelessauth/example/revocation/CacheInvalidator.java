package io.statelessauth.example.revocation;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * This instance's authentication cache as revocations reach it: told to forget tokens by their
 * {@code SecretTokens.hash}, or everything, and told when the revocation channel was confirmed,
 * which renews the cache's lease. It is bound to the manager once the manager is built; before
 * that, and when the cache is off, nothing is cached and there is nothing to forget or renew.
 */
public final class CacheInvalidator {

  private volatile Consumer<String> forgetHash = hash -> { };
  private volatile Runnable forgetEverything = () -> { };
  private volatile Runnable renewLease = () -> { };

  /**
   * From now on, forgets through {@code forgetHash} and {@code forgetEverything}, and renews the
   * lease through {@code renewLease}.
   */
  public void bind(Consumer<String> forgetHash, Runnable forgetEverything, Runnable renewLease) {
    this.forgetHash = Objects.requireNonNull(forgetHash, "forgetHash");
    this.forgetEverything = Objects.requireNonNull(forgetEverything, "forgetEverything");
    this.renewLease = Objects.requireNonNull(renewLease, "renewLease");
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

  /**
   * The channel was confirmed by a round trip that began at {@code sentAt} (a {@link
   * System#nanoTime()}): every revocation committed before then was heard and forgotten. Renews
   * the cache's lease when the round trip took at most {@link RevocationChannel#MAX_ROUND_TRIP};
   * a slower one proves too little, and the lease runs out unless a faster one follows.
   */
  void confirm(long sentAt) {
    if (System.nanoTime() - sentAt <= RevocationChannel.MAX_ROUND_TRIP.toNanos()) {
      renewLease.run();
    }
  }
}
