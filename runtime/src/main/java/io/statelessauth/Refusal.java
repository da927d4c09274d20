package io.statelessauth;

/**
 * One of the runtime's own refusals, made once per route and thrown by every request it refuses:
 * it carries no stack trace, and its {@code WWW-Authenticate} value and its default JSON body are
 * worked out when it is made, so that refusing a request builds nothing it can share.
 */
final class Refusal extends StatelessAuthError {
  private static final long serialVersionUID = 1L;

  /** The {@code WWW-Authenticate} value, or {@code null} for a status that takes none. */
  final transient String challenge;
  /** What {@link AuthErrorHandler#json()} answers, encoded once. */
  final transient byte[] jsonBody;

  Refusal(String msg, int code, String type, String errorCode, AuthFailure reason, String bareChallenge,
      String scope) {
    super(msg, code, type, errorCode, reason, false);
    this.challenge = Challenge.of(bareChallenge, code, errorCode, msg, scope);
    this.jsonBody = JsonErrorHandler.body(fullMsg());
  }
}
