package io.statelessauth;

import java.util.Objects;
import java.util.Optional;

/**
 * An authentication failure with the HTTP status to answer it with.
 *
 * <p>Loaders throw it to answer with their own status and message; the runtime throws it for
 * every failed step. The {@link AuthErrorHandler} turns it into the response. The built-in types
 * are {@code Request} (400, 401), {@code Token} (401), {@code Scope} (403), {@code Role} (403) and
 * {@code Server} (500). The RFC 6750 error code for the {@code WWW-Authenticate} header follows
 * from the status: 400 {@code invalid_request}, 401 {@code invalid_token}, 403 {@code
 * insufficient_scope}; a request that carried no credentials for the route's scheme gets a 401
 * without an error code.
 */
public class StatelessAuthError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String msg;
  private final int code;
  private final String type;
  private final String errorCode;
  private final AuthFailure reason;

  /**
   * An error answered with status {@code code}.
   *
   * @param msg what went wrong, shown to the client (never put a token in it)
   * @param code the HTTP status, 400 to 599
   * @param type the kind of error, such as {@code Token}; starts {@link #fullMsg()}
   */
  public StatelessAuthError(String msg, int code, String type) {
    this(msg, code, type, rfc6750ErrorCode(code), AuthFailure.APPLICATION, true);
  }

  /**
   * An error with its own RFC 6750 error code and reason; without a stack trace when {@code
   * writableStackTrace} is false, as for the runtime's refusals, which every request of a route
   * shares.
   */
  StatelessAuthError(String msg, int code, String type, String errorCode, AuthFailure reason,
      boolean writableStackTrace) {
    super(msg, null, false, writableStackTrace);
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("code must be an HTTP error status (400-599), was " + code);
    }
    this.msg = Objects.requireNonNull(msg, "msg");
    this.code = code;
    this.type = Objects.requireNonNull(type, "type");
    this.errorCode = errorCode;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The HTTP status to answer with. */
  public int code() {
    return code;
  }

  /** What went wrong, without the type. */
  public String msg() {
    return msg;
  }

  /** The kind of error: {@code Request}, {@code Token}, {@code Scope}, {@code Role}, {@code Server} or the loader's own. */
  public String type() {
    return type;
  }

  /** {@code type + " error: " + msg}, the text of the default error body. */
  public String fullMsg() {
    return type + " error: " + msg;
  }

  /**
   * The RFC 6750 §3.1 error code ({@code invalid_request}, {@code invalid_token} or {@code
   * insufficient_scope}), or empty when the status has none or the request carried no credentials.
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * Which step refused the request: one of the runtime's own refusals, or {@link
   * AuthFailure#APPLICATION} for every error made with the public constructor.
   */
  public AuthFailure reason() {
    return reason;
  }

  private static String rfc6750ErrorCode(int code) {
    switch (code) {
      case 400:
        return "invalid_request";
      case 401:
        return "invalid_token";
      case 403:
        return "insufficient_scope";
      default:
        return null;
    }
  }
}
