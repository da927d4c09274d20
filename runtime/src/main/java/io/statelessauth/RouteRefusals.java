package io.statelessauth;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The refusals of one route for one of its schemes under one manager's settings, made when the
 * route's handler is built: where the scheme's credentials are read from, and refusals whose
 * messages name that header, the scheme and the route's token type, and whose challenges name the
 * scheme, the configured realm and the route's scopes.
 */
final class RouteRefusals {
  /** The scheme as the route declares it: what the token loader is given as {@code authType}. */
  final String scheme;
  /** The header the scheme's credentials are read from. */
  final String header;
  /** {@link #header} as {@code Headers} spells the names it keeps: the first letter upper case, the rest lower. */
  final String normalizedHeader;
  /** Whether {@link #header} is {@code Authorization}, in any case. */
  final boolean readsAuthorization;
  /** Whether {@link #header} is the scheme's own, whose whole value is the token; else it names the scheme. */
  final boolean ownHeader;
  /** {@code <scheme> realm="<realm>"}, the start of every challenge of the scheme. */
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

  /** The refusals of {@code route} for {@code scheme}, one of its schemes. */
  RouteRefusals(StatelessAuthConfig config, AuthRoute route, String scheme) {
    this.scheme = scheme;
    this.header = config.headerOf(scheme);
    this.normalizedHeader = normalized(header);
    this.readsAuthorization = normalizedHeader.equals(Credentials.AUTHORIZATION);
    this.ownHeader = config.hasOwnHeader(scheme);
    String tokenType = route.tokenType();
    bareChallenge = Challenge.bare(scheme, config.realm());
    scope = scopeOf(route);

    missingCredentials =
        refusal("Missing " + header + " header", 401, "Request", null, AuthFailure.MISSING_CREDENTIALS);
    otherScheme = refusal(header + " header must use the " + scheme + " scheme", 401, "Request", null,
        AuthFailure.MISSING_CREDENTIALS);
    multipleHeaders = refusal("More than one " + header + " header", 400, "Request", "invalid_request",
        AuthFailure.MULTIPLE_CREDENTIALS);
    malformedCredentials = refusal(header + " header must be '" + (ownHeader ? "" : scheme + " ") + "<token>'", 400,
        "Request", "invalid_request", AuthFailure.MALFORMED_CREDENTIALS);
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
        AuthFailure.INSUFFICIENT_ROLE, List.of(bareChallenge), null);
    // A token without a user answers as any server fault does; only its reason tells them apart.
    unknownUser = refusal("Internal server error", 500, "Server", null, AuthFailure.UNKNOWN_USER);
    serverError = refusal("Internal server error", 500, "Server", null, AuthFailure.SERVER_ERROR);
  }

  /**
   * The refusal of a request that presents credentials for none of {@code schemes}, the schemes of
   * a route that accepts several: 401 naming where each is read from, with one bare challenge per
   * scheme, in the route's order.
   */
  static Refusal noneOf(RouteRefusals[] schemes) {
    StringJoiner sources = new StringJoiner(" or ", "Missing credentials: ", "");
    for (RouteRefusals scheme : schemes) {
      sources.add(scheme.ownHeader ? scheme.header + " header"
          : scheme.header + " header with the " + scheme.scheme + " scheme");
    }
    return new Refusal(sources.toString(), 401, "Request", null, AuthFailure.MISSING_CREDENTIALS,
        bareChallenges(schemes), null);
  }

  /**
   * The refusal of a request that presents credentials for two or more of {@code schemes} at once
   * (RFC 6750 §3.1: more than one method): 400 {@code invalid_request}, challenging each scheme.
   */
  static Refusal severalOf(RouteRefusals[] schemes) {
    StringJoiner names = new StringJoiner(", ", "Credentials for more than one of ", "");
    for (RouteRefusals scheme : schemes) {
      names.add(scheme.scheme);
    }
    return new Refusal(names.toString(), 400, "Request", "invalid_request", AuthFailure.MULTIPLE_CREDENTIALS,
        bareChallenges(schemes), null);
  }

  /**
   * The {@code WWW-Authenticate} value for an application's {@code error}, challenging this scheme,
   * or {@code null} for a status that takes none (a {@link Refusal} carries its own, worked out
   * when it was made).
   */
  String challenge(StatelessAuthError error) {
    return Challenge.of(bareChallenge, error.code(), error.errorCode().orElse(null), error.msg(), scope);
  }

  private Refusal refusal(String msg, int code, String type, String errorCode, AuthFailure reason) {
    return new Refusal(msg, code, type, errorCode, reason, List.of(bareChallenge), scope);
  }

  /** The bare challenge of each of {@code schemes}, in their order. */
  private static List<String> bareChallenges(RouteRefusals[] schemes) {
    List<String> challenges = new ArrayList<>(schemes.length);
    for (RouteRefusals scheme : schemes) {
      challenges.add(scheme.bareChallenge);
    }
    return challenges;
  }

  /** {@code name} with its first letter in upper case and every other in lower case, ASCII only. */
  static String normalized(String name) {
    char[] chars = name.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (i == 0 && c >= 'a' && c <= 'z') {
        chars[i] = (char) (c - ('a' - 'A'));
      } else if (i > 0 && c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  private static String scopeOf(AuthRoute route) {
    return route.scopes().isEmpty() ? null : String.join(" ", route.scopes());
  }
}
