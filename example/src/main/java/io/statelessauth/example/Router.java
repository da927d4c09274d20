package io.statelessauth.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends each request to the handler registered for its exact path and method.
 *
 * <p>The JDK's server matches contexts by path prefix ({@code /user} would also take
 * {@code /users}), so the service registers this one handler at {@code /} and matches here:
 * an unknown path answers 404, a known path with another method 405 with {@code Allow}, a
 * body over {@link Json#MAX_BODY_BYTES} 413 and closes the connection. {@code HEAD} is served by
 * the {@code GET} handler of the path, whose {@link Json} answer then sends the headers only.
 *
 * <p>At most {@link #Router(int) a set number} of handlers run at once (the database work is
 * bounded with them); a request that finds them all busy waits up to {@link #SLOT_WAIT} for one,
 * then answers 503 with {@code Retry-After}. The server reads requests on many more threads than
 * that, so that slow clients cannot hold up the others.
 *
 * <p>An {@link ApiError} from a handler answers with its status (and {@code Retry-After} when it
 * has one), a {@link DatabaseUnavailable} 503 with {@code Retry-After} (the database logs it); any
 * other exception answers 500 and is logged. Every exchange is closed when its handler returns.
 */
final class Router implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(Router.class.getName());

  /** How long a request waits for a free handler slot before it answers 503. */
  static final Duration SLOT_WAIT = Duration.ofSeconds(5);

  private final Map<String, Map<String, HttpHandler>> routes = new HashMap<>();
  private final Semaphore slots;

  /** A router that runs any number of handlers at once. */
  Router() {
    this(Integer.MAX_VALUE);
  }

  /** A router that runs at most {@code concurrent} handlers at once. */
  Router(int concurrent) {
    this.slots = new Semaphore(concurrent, true);
  }

  /** Registers {@code handler} for {@code method} requests to exactly {@code path}. */
  Router route(String method, String path, HttpHandler handler) {
    HttpHandler previous = routes.computeIfAbsent(path, p -> new TreeMap<>()).put(method, handler);
    if (previous != null) {
      throw new IllegalArgumentException(method + " " + path + " is routed twice");
    }
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      dispatch(exchange);
    } catch (ApiError e) {
      if (e.status() == 413) {
        // The unread body stays on the connection, so the server closes it: say so, or the
        // client would send its next request on a connection that is about to go away.
        exchange.getResponseHeaders().set("Connection", "close");
      }
      if (e.retryAfterSeconds() >= 0 && exchange.getResponseCode() == -1) {
        exchange.getResponseHeaders().set("Retry-After", Long.toString(e.retryAfterSeconds()));
      }
      answer(exchange, e.status(), e.getMessage());
    } catch (DatabaseUnavailable e) {
      if (exchange.getResponseCode() == -1) {
        DatabaseUnavailable.setRetryAfter(exchange);
      }
      answer(exchange, e.code(), e.fullMsg());
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Request " + exchange.getRequestMethod() + " "
          + exchange.getRequestURI().getPath() + " failed", e);
      answer(exchange, 500, "Internal server error");
    } finally {
      exchange.close();
    }
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    Map<String, HttpHandler> byMethod = routes.get(exchange.getRequestURI().getPath());
    if (byMethod == null) {
      Json.sendError(exchange, 404, "Not found");
      return;
    }
    String method = exchange.getRequestMethod();
    HttpHandler handler = byMethod.get(method.equals("HEAD") ? "GET" : method);
    if (handler == null) {
      exchange.getResponseHeaders().set("Allow", allowed(byMethod));
      Json.sendError(exchange, 405, "Method not allowed");
      return;
    }
    if (declaredLength(exchange) > Json.MAX_BODY_BYTES) {
      throw ApiError.payloadTooLarge();
    }
    acquireSlot();
    try {
      handler.handle(exchange);
    } finally {
      slots.release();
    }
  }

  private void acquireSlot() {
    try {
      if (slots.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw ApiError.busy(1);
  }

  /** The methods of a path, with {@code HEAD} beside {@code GET}. */
  private static String allowed(Map<String, HttpHandler> byMethod) {
    Set<String> methods = new TreeSet<>(byMethod.keySet());
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    return String.join(", ", methods);
  }

  private static long declaredLength(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return length == null ? 0 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("Malformed Content-Length");
    }
  }

  /** Answers with an error, unless the handler already sent its response headers. */
  private static void answer(HttpExchange exchange, int status, String message) throws IOException {
    if (exchange.getResponseCode() == -1) {
      Json.sendError(exchange, status, message);
    }
  }
}
