package io.statelessauth.example;

/**
 * A request the service refuses for a reason the client can fix, answered with {@link #status()}
 * and {@code {"error": message}}. Thrown by route code and answered by the {@link Router}.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  private ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** 400: the body or a field is malformed. */
  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  /** 401: the credentials in the body do not match an account. */
  static ApiError badCredentials() {
    return new ApiError(401, "Invalid username or password");
  }

  /** 409: the user name is taken. */
  static ApiError conflict(String message) {
    return new ApiError(409, message);
  }

  /** 413: the body is larger than {@link Json#MAX_BODY_BYTES}. */
  static ApiError payloadTooLarge() {
    return new ApiError(413, "Request body larger than " + Json.MAX_BODY_BYTES + " bytes");
  }

  /** The HTTP status to answer with. */
  int status() {
    return status;
  }
}
