package io.statelessauth.tests;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Misbehaviour of the e2e loaders, armed by the hardening tests for token secrets they choose: the
 * loaders look here first, so a fault touches only the requests that present its token and never
 * another test's.
 */
public final class Faults {
  private static final Map<String, TokenLoad> TOKEN_LOADS = new ConcurrentHashMap<>();
  private static final Map<String, UserLoad> USER_LOADS = new ConcurrentHashMap<>();

  private Faults() {}

  /** What the token loader does for one secret instead of its lookup. */
  @FunctionalInterface
  public interface TokenLoad {
    /** Returns the model (or {@code null}), throws, or blocks, as the test wants. */
    Token load(String tokenType);
  }

  /** What the user loader does for one token instead of its lookup. */
  @FunctionalInterface
  public interface UserLoad {
    /** Returns the user (or {@code null}), throws, or blocks, as the test wants. */
    User load(Token token);
  }

  /** From now on, the token loader answers {@code secret} with {@code load}. */
  public static void onTokenLoad(String secret, TokenLoad load) {
    TOKEN_LOADS.put(secret, load);
  }

  /**
   * From now on, the token loader blocks on {@code secret} until the returned hold is released (60
   * s at most), then looks it up as usual.
   */
  public static HeldLoad holdTokenLoad(String secret) {
    HeldLoad held = new HeldLoad();
    onTokenLoad(secret, tokenType -> {
      held.entered.countDown();
      try {
        held.release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Store.find(secret, tokenType);
    });
    return held;
  }

  /** A token load held by {@link #holdTokenLoad}. */
  public static final class HeldLoad {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private HeldLoad() {}

    /** Whether a request reached the held load within 30 s. */
    public boolean awaitEntered() throws InterruptedException {
      return entered.await(30, TimeUnit.SECONDS);
    }

    /** Lets the held load go on. */
    public void release() {
      release.countDown();
    }
  }

  /** From now on, the user loader answers the token whose secret is {@code secret} with {@code load}. */
  public static void onUserLoad(String secret, UserLoad load) {
    USER_LOADS.put(secret, load);
  }

  /** Stores a valid, unexpired access token of alice granting {@code read}. */
  public static Token issue(String secret) {
    Token token = new Token(secret, "access", Store.ALICE.id(), Set.of("read"), false);
    Store.add(token);
    return token;
  }

  /** Stores a valid API key of alice granting {@code read}, found only under the {@code ApiKey} scheme. */
  public static Token issueKey(String secret) {
    Token key = new Token(secret, "access", Store.ALICE.id(), Set.of("read"), false);
    Store.addKey(key);
    return key;
  }

  /** Stores {@code token} as it is (expired, of an inactive or missing user...). */
  public static void store(Token token) {
    Store.add(token);
  }

  static TokenLoad tokenLoad(String secret) {
    return TOKEN_LOADS.get(secret);
  }

  static UserLoad userLoad(String secret) {
    return USER_LOADS.get(secret);
  }
}
