package io.statelessauth;

import java.util.List;

/**
 * One of the runtime's own refusals, made once per route and thrown by every request it refuses:
 * it carries no stack trace, and its {@code WWW-Authenticate} values and its default JSON body are
 * worked out when it is made, so that refusing a request builds nothing it can share.
 */
final class Refusal extends StatelessAuthError {
  private static final long serialVersionUID = 1L;

  /** The {@code WWW-Authenticate} values, one per challenged scheme; empty for a status that takes none. */
  final transient String[] challenges;
  /** What {@link AuthErrorHandler#json()} answers, encoded once. */
  private final transient byte[] jsonBody;

  /**
   * A refusal challenging each scheme whose bare challenge ({@code <scheme> realm="<realm>"}) is in
   * {@code bareChallenges}, in that order; {@code scope} is the route's, or {@code null}.
   */
  Refusal(String msg, int code, String type, String errorCode, AuthFailure reason, List<String> bareChallenges,
      String scope) {
    super(msg, code, type, errorCode, reason, false);
    this.challenges = bareChallenges.stream()
        .map(bare -> Challenge.of(bare, code, errorCode, msg, scope))
        .filter(challenge -> challenge != null)
        .toArray(String[]::new);
    this.jsonBody = JsonBody.of(fullMsg());
  }

  @Override
  byte[] jsonBody() {
    return jsonBody;
  }
}
