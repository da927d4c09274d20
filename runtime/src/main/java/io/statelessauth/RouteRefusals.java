package io.statelessauth;

/**
 * The refusals of one route under one manager's settings, made when the route's handler is built:
 * their messages name the configured header, the route's scheme and token type, and their
 * challenges the configured realm and the route's scopes.
 */
final class RouteRefusals {
  /** {@code <scheme> realm="<realm>"}, the start of every challenge of the route. */
  private final String bareChallenge;
  /** The route's scopes, space-separated, for the {@code scope} of a 403; {@code null} for none. */
  private final String scope;

  final Refusal missingCredentials;
  final Refusal otherScheme;
  final Refusal multipleHeaders;
  final Refusal malformedCredentials;
  final Refusal tokenTooLong;
  final Refusal unknownToken;
  final Refusal expiredToken;
  final Refusal insufficientScope;
  final Refusal inactiveUser;
  final Refusal insufficientRole;
  final Refusal unknownUser;
  final Refusal serverError;

  RouteRefusals(StatelessAuthConfig config, AuthRoute route) {
    String header = config.authHeader();
    String scheme = route.authType();
    String tokenType = route.tokenType();
    bareChallenge = Challenge.bare(scheme, config.realm());
    scope = route.scopes().isEmpty() ? null : String.join(" ", route.scopes());

    missingCredentials =
        refusal("Missing " + header + " header", 401, "Request", null, AuthFailure.MISSING_CREDENTIALS);
    otherScheme = refusal(header + " header must use the " + scheme + " scheme", 401, "Request", null,
        AuthFailure.MISSING_CREDENTIALS);
    multipleHeaders = refusal("More than one " + header + " header", 400, "Request", "invalid_request",
        AuthFailure.MULTIPLE_CREDENTIALS);
    malformedCredentials = refusal(header + " header must be '" + scheme + " <token>'", 400, "Request",
        "invalid_request", AuthFailure.MALFORMED_CREDENTIALS);
    tokenTooLong = refusal(scheme + " token longer than " + config.maxTokenLength() + " characters", 400,
        "Request", "invalid_request", AuthFailure.MALFORMED_CREDENTIALS);
    unknownToken =
        refusal("Invalid " + tokenType + " token", 401, "Token", "invalid_token", AuthFailure.UNKNOWN_TOKEN);
    expiredToken =
        refusal(tokenType + " token expired", 401, "Token", "invalid_token", AuthFailure.EXPIRED_TOKEN);
    insufficientScope =
        refusal("Insufficient scope", 403, "Scope", "insufficient_scope", AuthFailure.INSUFFICIENT_SCOPE);
    inactiveUser = refusal("Invalid User", 401, "Token", "invalid_token", AuthFailure.INACTIVE_USER);
    // A missing role is no missing scope: the challenge names none (as Spring Security answers).
    insufficientRole = new Refusal("Insufficient role", 403, "Role", "insufficient_scope",
        AuthFailure.INSUFFICIENT_ROLE, bareChallenge, null);
    // A token without a user answers as any server fault does; only its reason tells them apart.
    unknownUser = refusal("Internal server error", 500, "Server", null, AuthFailure.UNKNOWN_USER);
    serverError = refusal("Internal server error", 500, "Server", null, AuthFailure.SERVER_ERROR);
  }

  /**
   * The {@code WWW-Authenticate} value for {@code error}, or {@code null} for a status that takes
   * none: worked out already for the route's own refusals, now for an application's error.
   */
  String challenge(StatelessAuthError error) {
    if (error instanceof Refusal) {
      return ((Refusal) error).challenge;
    }
    return Challenge.of(bareChallenge, error.code(), error.errorCode().orElse(null), error.msg(), scope);
  }

  private Refusal refusal(String msg, int code, String type, String errorCode, AuthFailure reason) {
    return new Refusal(msg, code, type, errorCode, reason, bareChallenge, scope);
  }
}
