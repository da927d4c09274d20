package io.statelessauth;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.LinkedList;
import java.util.List;

/**
 * Answers a refused request: tells the {@link AuthListener}, sets the RFC 6750 challenge, lets the
 * {@link AuthErrorHandler} write the response and closes the exchange. A listener or error handler
 * that fails is logged (with the presented token redacted) and never costs more than the request:
 * an error handler that throws before sending anything leaves a bare 500.
 */
final class Refuser {
  private static final Logger LOG = System.getLogger(AbstractStatelessAuthManager.class.getName());

  private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

  private final AuthErrorHandler errorHandler;
  private final AuthListener listener;

  Refuser(AuthErrorHandler errorHandler, AuthListener listener) {
    this.errorHandler = errorHandler;
    this.listener = listener;
  }

  /** Refuses {@code exchange} with {@code error}; {@code presented} is the token, if one was read. */
  void refuse(HttpExchange exchange, RouteRefusals refusals, StatelessAuthError error, String presented)
      throws IOException {
    try {
      notifyListener(exchange, error, presented);
      setChallenges(exchange, refusals, error);
      errorHandler.handle(exchange, error);
    } catch (RuntimeException | IOException failure) {
      boolean responseStarted = exchange.getResponseCode() != -1;
      if (failure instanceof RuntimeException || !responseStarted) {
        LOG.log(Level.ERROR, "The AuthErrorHandler failed on " + Requests.describe(exchange),
            Redacted.of(failure, presented));
      }
      if (responseStarted) {
        throw failure;
      }
      exchange.sendResponseHeaders(500, -1);
    } finally {
      exchange.close();
    }
  }

  /**
   * Sets the RFC 6750 challenges of {@code error}: worked out already for the runtime's own
   * refusals (one per scheme they challenge, set in one call), now for an application's error.
   */
  private static void setChallenges(HttpExchange exchange, RouteRefusals refusals, StatelessAuthError error) {
    if (error instanceof Refusal) {
      String[] challenges = ((Refusal) error).challenges;
      if (challenges.length > 0) {
        // The kind of list Headers.set and add make: the error handler may add to it.
        List<String> field = new LinkedList<>();
        Collections.addAll(field, challenges);
        exchange.getResponseHeaders().put(WWW_AUTHENTICATE, field);
      }
      return;
    }
    String challenge = refusals.challenge(error);
    if (challenge != null) {
      exchange.getResponseHeaders().set(WWW_AUTHENTICATE, challenge);
    }
  }

  private void notifyListener(HttpExchange exchange, StatelessAuthError error, String presented) {
    try {
      listener.onUnauthorized(exchange, error);
    } catch (RuntimeException failure) {
      LOG.log(Level.ERROR, "The AuthListener failed on " + Requests.describe(exchange),
          Redacted.of(failure, presented));
    }
  }
}
