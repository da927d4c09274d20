package io.statelessauth.example;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many passwords are hashed at once. PBKDF2 at the configured count keeps a core busy
 * for a noticeable time, so unbounded logins would starve every other route of CPU; beyond the
 * bound a login or registration answers 503 with {@code Retry-After} at once, without waiting.
 */
final class HashSlots {

  /** The {@code Retry-After} of a refusal, in seconds. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final Semaphore slots;

  /** At most {@code slots} hashes at once. */
  HashSlots(int slots) {
    this.slots = new Semaphore(slots);
  }

  /**
   * Runs {@code work} in a slot.
   *
   * @throws ApiError 503 when every slot is taken
   */
  <R> R run(Supplier<R> work) {
    if (!slots.tryAcquire()) {
      throw ApiError.busy(RETRY_AFTER_SECONDS);
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }
}
