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
  static final StatelessAuthError INACTIVE_USER = builtIn("Invalid User", 401, "Token", "invalid_token");

  private final String tokenType;
  private final String authType;
  private final Set<String> scopes;
  private final String authHeader;
  private final int maxTokenLength;
  private final String challenge;

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
    this.authHeader = config.authHeader();
    this.maxTokenLength = config.maxTokenLength();
    this.challenge = authType + " realm=\"" + config.realm() + "\"";

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
    int code = error.code();
    if (code != 400 && code != 401 && code != 403) {
      return null;
    }
    String errorCode = error.errorCode().orElse(null);
    if (errorCode == null) {
      return challenge;
    }
    StringBuilder value = new StringBuilder(challenge)
        .append(", error=\"").append(errorCode)
        .append("\", error_description=\"").append(description(error, errorCode)).append('"');
    if (code == 403 && !scopes.isEmpty()) {
      value.append(", scope=\"").append(String.join(" ", scopes)).append('"');
    }
    return value.toString();
  }

  private static String description(StatelessAuthError error, String errorCode) {
    String msg = error.msg();
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

  private static StatelessAuthError builtIn(String msg, int code, String type, String errorCode) {
    return new StatelessAuthError(msg, code, type, errorCode, false);
  }
}
