package io.statelessauth;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one protected route requires: the token type handed to the token loader, the scheme the
 * header must name and the scopes the token must grant. Made by {@link
 * AbstractStatelessAuthManager#route}, which fills in the configured defaults; it also holds the
 * route's ready-made refusals and the text of its {@code WWW-Authenticate} challenge, so that a
 * refused request builds nothing it can share.
 */
public final class AuthRoute {
  private static final int MAX_DESCRIPTION_LENGTH = 200;

  /** The same for every route, as the user check does not know the route. */
  static final StatelessAuthError INACTIVE_USER =
      new StatelessAuthError("Invalid User", 401, "Token", "invalid_token", null);

  private final String tokenType;
  private final String authType;
  private final Set<String> scopes;
  /** The same scopes as an array, so that checking them allocates no iterator. */
  final String[] requiredScopes;
  private final String authHeader;
  private final int maxTokenLength;
  /** {@code <scheme> realm="<realm>"}: the challenge of a refusal without an error code. */
  private final String bareChallenge;

  final StatelessAuthError missingCredentials;
  final StatelessAuthError otherScheme;
  final StatelessAuthError multipleHeaders;
  final StatelessAuthError malformedCredentials;
  final StatelessAuthError tokenTooLong;
  final StatelessAuthError unknownToken;
  final StatelessAuthError expiredToken;
  final StatelessAuthError insufficientScope;
  final StatelessAuthError serverError;

  AuthRoute(StatelessAuthConfig config, String tokenType, String authType, Set<String> scopes) {
    this.tokenType = tokenType;
    this.authType = authType;
    this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    this.requiredScopes = scopes.toArray(new String[0]);
    this.authHeader = config.authHeader();
    this.maxTokenLength = config.maxTokenLength();
    this.bareChallenge = authType + " realm=\"" + config.realm() + "\"";

    String header = config.authHeader();
    missingCredentials = builtIn("Missing " + header + " header", 401, "Request", null);
    otherScheme = builtIn(header + " header must use the " + authType + " scheme", 401, "Request", null);
    multipleHeaders = builtIn("More than one " + header + " header", 400, "Request", "invalid_request");
    malformedCredentials =
        builtIn(header + " header must be '" + authType + " <token>'", 400, "Request", "invalid_request");
    tokenTooLong = builtIn(authType + " token longer than " + maxTokenLength + " characters", 400,
        "Request", "invalid_request");
    unknownToken = builtIn("Invalid " + tokenType + " token", 401, "Token", "invalid_token");
    expiredToken = builtIn(tokenType + " token expired", 401, "Token", "invalid_token");
    insufficientScope = builtIn("Insufficient scope", 403, "Scope", "insufficient_scope");
    serverError = builtIn("Internal server error", 500, "Server", null);
  }

  /** The token type passed to the token loader, such as {@code access} or {@code refresh}. */
  public String tokenType() {
    return tokenType;
  }

  /** The scheme the header must name, such as {@code Bearer}. */
  public String authType() {
    return authType;
  }

  /** The scopes the token must grant, in the order declared; empty when none. */
  public Set<String> scopes() {
    return scopes;
  }

  @Override
  public String toString() {
    return "AuthRoute{tokenType=" + tokenType + ", authType=" + authType + ", scopes=" + scopes + "}";
  }

  String authHeader() {
    return authHeader;
  }

  int maxTokenLength() {
    return maxTokenLength;
  }

  /**
   * The RFC 6750 §3 {@code WWW-Authenticate} value for {@code error}, or {@code null} for a status
   * that takes none. A description outside the RFC's characters is replaced by a generic one, so
   * no quote, backslash, CR or LF from a loader's message reaches the header.
   */
  String challenge(StatelessAuthError error) {
    if (error.challenge != null) {
      return error.challenge;
    }
    return challenge(error.code(), error.errorCode().orElse(null), error.msg());
  }

  private String challenge(int code, String errorCode, String msg) {
    if (code != 400 && code != 401 && code != 403) {
      return null;
    }
    if (errorCode == null) {
      return bareChallenge;
    }
    StringBuilder value = new StringBuilder(bareChallenge)
        .append(", error=\"").append(errorCode)
        .append("\", error_description=\"").append(description(msg, errorCode)).append('"');
    if (code == 403 && !scopes.isEmpty()) {
      value.append(", scope=\"").append(String.join(" ", scopes)).append('"');
    }
    return value.toString();
  }

  private static String description(String msg, String errorCode) {
    if (!msg.isEmpty() && msg.length() <= MAX_DESCRIPTION_LENGTH && Syntax.isChallengeText(msg)) {
      return msg;
    }
    switch (errorCode) {
      case "invalid_request":
        return "Invalid request";
      case "insufficient_scope":
        return "Insufficient scope";
      default:
        return "Invalid token";
    }
  }

  /** One of this route's own refusals, with its challenge worked out now (after the fields it reads). */
  private StatelessAuthError builtIn(String msg, int code, String type, String errorCode) {
    return new StatelessAuthError(msg, code, type, errorCode, challenge(code, errorCode, msg));
  }
}
