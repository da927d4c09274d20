package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.statelessauth.AuthListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Holds requests at a known point: authenticated, their handler not yet begun. The library tells
 * its {@link AuthListener} of every authenticated request there, on the request's thread, whether
 * the token came from the database or from the cache; {@link #holdNext} makes the next {@code n}
 * authenticated requests wait until the test opens the gate. Each of them has loaded its token
 * and user, none has done its route's work; requests beyond the {@code n} pass at once.
 */
final class HandlerGate implements AuthListener {

  /** How long a test waits for held requests to arrive, and a held request for the gate to open. */
  private static final long WAIT_SECONDS = 30;

  private volatile Gate gate;

  /** Holds the next {@code parties} authenticated requests until {@link Gate#open()}. */
  Gate holdNext(int parties) {
    Gate next = new Gate(parties);
    gate = next;
    return next;
  }

  @Override
  public void onAuthorized(HttpExchange exchange, Object user) {
    Gate current = gate;
    if (current != null) {
      current.pass();
    }
  }

  /** The requests one {@link #holdNext} holds. */
  final class Gate {

    private final int parties;
    private final Semaphore places;
    private final CountDownLatch arrived;
    private final CountDownLatch opened = new CountDownLatch(1);

    private Gate(int parties) {
      this.parties = parties;
      this.places = new Semaphore(parties);
      this.arrived = new CountDownLatch(parties);
    }

    private void pass() {
      if (!places.tryAcquire()) {
        return;
      }
      arrived.countDown();
      try {
        opened.await(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /**
     * Waits until every request it holds has arrived: authenticated, before its handler. Fails
     * the test after 30 s.
     */
    void awaitArrivals() throws InterruptedException {
      assertTrue(arrived.await(WAIT_SECONDS, TimeUnit.SECONDS),
          (parties - arrived.getCount()) + " of " + parties + " requests reached the gate");
    }

    /** Lets the held requests go on, all at once; later requests pass freely. */
    void open() {
      if (gate == this) {
        gate = null;
      }
      opened.countDown();
    }
  }
}
