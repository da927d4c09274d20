package io.statelessauth.example.routes;

import java.time.Duration;

/**
 * A request the service refuses for a reason the client can fix, or wait out, answered with
 * {@link #status()}, {@code {"error": message}}, and {@code Retry-After} when it says when to come
 * back. Thrown by route code and answered by the {@link Router}.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final long retryAfterSeconds;
  private final boolean closesConnection;

  private ApiError(int status, String message, long retryAfterSeconds, boolean closesConnection) {
    super(message, null, false, false);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.closesConnection = closesConnection;
  }

  private ApiError(int status, String message, long retryAfterSeconds) {
    this(status, message, retryAfterSeconds, false);
  }

  /** 400: the body or a field is malformed. */
  public static ApiError badRequest(String message) {
    return new ApiError(400, message, -1);
  }

  /**
   * 400 before the body was read, so that the connection is closed: what follows on it cannot be
   * told apart from the body.
   */
  static ApiError malformedRequest(String message) {
    return new ApiError(400, message, -1, true);
  }

  /** 401: the credentials in the body do not match an account. */
  public static ApiError badCredentials() {
    return new ApiError(401, "Invalid username or password", -1);
  }

  /** 409: the user name is taken. */
  public static ApiError conflict(String message) {
    return new ApiError(409, message, -1);
  }

  /** 413: the body is larger than {@link Json#MAX_BODY_BYTES}. */
  static ApiError payloadTooLarge() {
    return new ApiError(
        413, "Request body larger than " + Json.MAX_BODY_BYTES + " bytes", -1, true);
  }

  /** 429: too many attempts; {@code wait} says when the next one is allowed. */
  public static ApiError tooManyRequests(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new ApiError(429, "Too many attempts, try again later", seconds);
  }

  /** 503: the service is too busy for this request now; come back in {@code seconds}. */
  public static ApiError busy(int seconds) {
    return new ApiError(503, "Server busy, try again later", seconds);
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }

  /** The {@code Retry-After} seconds to send, or -1 for none. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Whether the connection is closed after the answer: part of the request is still unread. */
  boolean closesConnection() {
    return closesConnection;
  }
}
