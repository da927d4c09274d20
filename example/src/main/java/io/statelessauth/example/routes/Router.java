package io.statelessauth.example.routes;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.example.storage.DatabaseUnavailable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Sends each request to the handler registered for its exact path and method.
 *
 * <p>The JDK's server matches contexts by path prefix ({@code /user} would also take
 * {@code /users}), so the service registers this one handler at {@code /} and matches here, on
 * the path as the client sent it: a path with a percent-encoded octet (which no route has, so
 * that {@code /%61dmin/users} and {@code /admin%2Fusers} never reach {@code /admin/users}) or an
 * absolute-form target ({@code GET http://host/path}) answers 400, an unknown path 404, a known
 * path with another method 405 with {@code Allow}. {@code HEAD} is served by the {@code GET}
 * handler of the path, whose {@link Json} answer then sends the headers only.
 *
 * <p>The body is read whole (at most {@link Json#MAX_BODY_BYTES}) before a handler slot is taken,
 * so that a client that sends its body slowly holds a reading thread, never a slot; the JDK's
 * server closes a request that has not all arrived within its limit ({@code
 * sun.net.httpserver.maxReqTime}, set by {@code ServerProperties}), body included. A {@code
 * Content-Length} that is not plain digits, sent twice, or sent with {@code Transfer-Encoding}
 * answers 400 before the body is read, and a body over the limit 413; both close the connection,
 * since the rest of the body is still on it.
 *
 * <p>At most {@link #Router(int) a set number} of handlers run at once (the database work is
 * bounded with them); a request that finds them all busy waits up to {@link #SLOT_WAIT} for one,
 * then answers 503 with {@code Retry-After}. The server reads requests on many more threads than
 * that, so that slow clients cannot hold up the others.
 *
 * <p>An {@link ApiError} from a handler answers with its status (and {@code Retry-After} when it
 * has one), a {@link DatabaseUnavailable} 503 with {@code Retry-After} (the database logs it); any
 * other exception answers 500 and is logged through a {@link FailureLog}, so that a client who
 * can make requests fail cannot flood the log. Every exchange is closed when its handler returns.
 */
public final class Router implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(Router.class.getName());

  /** How long a request waits for a free handler slot before it answers 503. */
  public static final Duration SLOT_WAIT = Duration.ofSeconds(5);

  /** The route a request that matched none is reported under ({@link RequestObserver}). */
  public static final String UNMATCHED = "unmatched";

  /** The last segment of a route's path that stands for any id. */
  static final String ID = "{id}";

  private static final Pattern PLAIN_DIGITS = Pattern.compile("[0-9]+");
  /** More digits than this are a length over any limit (and could overflow a {@code long}). */
  private static final int MAX_LENGTH_DIGITS = 18;

  private final Map<String, Map<String, HttpHandler>> routes = new HashMap<>();
  private final Semaphore slots;
  private final FailureLog failures = new FailureLog(LOG, Clock.systemUTC());
  private RequestObserver observer = RequestObserver.NONE;

  /** A router that runs any number of handlers at once. */
  Router() {
    this(Integer.MAX_VALUE);
  }

  /** A router that runs at most {@code concurrent} handlers at once. */
  Router(int concurrent) {
    this.slots = new Semaphore(concurrent, true);
  }

  /**
   * Registers {@code handler} for {@code method} requests to exactly {@code path}; a path whose
   * last segment is {@value #ID} also takes any other non-empty last segment, which the handler
   * reads with {@link #lastSegment}.
   */
  Router route(String method, String path, HttpHandler handler) {
    HttpHandler previous = routes.computeIfAbsent(path, p -> new TreeMap<>()).put(method, handler);
    if (previous != null) {
      throw new IllegalArgumentException(method + " " + path + " is routed twice");
    }
    return this;
  }

  /** Reports every request answered to {@code observer}; set before the server starts. */
  public Router observedBy(RequestObserver observer) {
    this.observer = observer;
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    try {
      dispatch(exchange);
    } catch (ApiError e) {
      if (e.closesConnection() && exchange.getResponseCode() == -1) {
        // The unread body stays on the connection: close it, and say so, or the client would
        // send its next request on a connection that is about to go away.
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
      failures.failed("Request " + exchange.getRequestMethod() + " "
          + exchange.getRequestURI().getRawPath() + " failed", e);
      answer(exchange, 500, "Internal server error");
    } finally {
      exchange.close();
      observer.answered(exchange.getRequestMethod(), routeOf(exchange.getRequestURI()),
          exchange.getResponseCode(), System.nanoTime() - started);
    }
  }

  /**
   * The path of the route {@code target} names, as registered (with {@value #ID} for an id), or
   * {@value #UNMATCHED}.
   */
  private String routeOf(URI target) {
    String path = target.getRawPath();
    if (path == null) {
      return UNMATCHED;
    }
    if (routes.containsKey(path)) {
      return path;
    }
    String template = withIdTemplate(path);
    return template != null && routes.containsKey(template) ? template : UNMATCHED;
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    String path = rawPath(exchange.getRequestURI());
    Map<String, HttpHandler> byMethod = routes.get(path);
    if (byMethod == null) {
      byMethod = routes.get(withIdTemplate(path));
    }
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
    if (declaredLength(exchange.getRequestHeaders()) > Json.MAX_BODY_BYTES) {
      throw ApiError.payloadTooLarge();
    }
    readBody(exchange);
    acquireSlot();
    try {
      handler.handle(exchange);
    } finally {
      slots.release();
    }
  }

  /**
   * The path of {@code target} as the client sent it: 400 for an absolute-form target or a
   * percent-encoded octet. The JDK's {@code getPath()} would decode {@code %61} to {@code a} and
   * {@code %2F} to {@code /}, so that a rule in a proxy in front that denies {@code /admin} is
   * walked past.
   */
  private static String rawPath(URI target) {
    if (target.isAbsolute() || target.getRawAuthority() != null || target.getRawPath() == null) {
      throw ApiError.badRequest("The request target must be a path, such as /whoami");
    }
    String path = target.getRawPath();
    if (path.indexOf('%') >= 0) {
      throw ApiError.badRequest("The path must not be percent-encoded");
    }
    return path;
  }

  /**
   * {@code path} with its last segment, when it has a non-empty one, replaced by {@value #ID}: the
   * path of the route that takes it as an id, as {@code /api_keys/{id}} does.
   */
  private static String withIdTemplate(String path) {
    int slash = path.lastIndexOf('/');
    return slash > 0 && slash < path.length() - 1 ? path.substring(0, slash + 1) + ID : null;
  }

  /** The last segment of the request's path: the id of a route registered with {@value #ID}. */
  static String lastSegment(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * Reads the whole body, before the request takes a slot, and gives it to the handler from
   * memory. A client that stalls holds this thread until the server's request time runs out and
   * the server closes the connection (the read then fails, and nothing is answered).
   *
   * @throws ApiError 413 when the body is longer than {@link Json#MAX_BODY_BYTES}
   */
  private static void readBody(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(Json.MAX_BODY_BYTES + 1);
    if (body.length > Json.MAX_BODY_BYTES) {
      throw ApiError.payloadTooLarge();
    }
    exchange.setStreams(new ByteArrayInputStream(body), null);
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

  /**
   * The body length the request declares: 0 without {@code Content-Length}. RFC 9110 allows
   * digits only; the JDK's server takes anything {@code Long.parseLong} takes, such as {@code +31},
   * and would read a body of that length, so that a proxy in front that reads the field otherwise
   * could be made to pass a second request inside the body. A value sent twice, or beside
   * {@code Transfer-Encoding} (RFC 9112 §6.3), is refused too.
   *
   * @throws ApiError 400, closing the connection, for any of these
   */
  private static long declaredLength(Headers headers) {
    List<String> lengths = headers.get("Content-Length");
    if (lengths == null) {
      return 0;
    }
    if (lengths.size() != 1 || headers.containsKey("Transfer-Encoding")
        || !PLAIN_DIGITS.matcher(lengths.get(0)).matches()) {
      throw ApiError.malformedRequest("Content-Length must be one number, digits only");
    }
    String digits = lengths.get(0);
    return digits.length() > MAX_LENGTH_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits);
  }

  /** Answers with an error, unless the handler already sent its response headers. */
  private static void answer(HttpExchange exchange, int status, String message) throws IOException {
    if (exchange.getResponseCode() == -1) {
      Json.sendError(exchange, status, message);
    }
  }
}
