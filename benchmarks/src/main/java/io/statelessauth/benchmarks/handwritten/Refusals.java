package io.statelessauth.benchmarks.handwritten;

import java.util.Collection;

/**
 * Every refusal of one route, with the runtime's status codes, messages and RFC 6750 challenges
 * (so that the bodies and headers sent are byte for byte the runtime's).
 */
public final class Refusals {
  /** The longest token accepted, the runtime's default. */
  static final int MAX_TOKEN_LENGTH = 4096;

  final String scheme;

  final Refusal missingCredentials;
  final Refusal otherScheme;
  final Refusal multipleHeaders;
  final Refusal malformedCredentials;
  final Refusal tokenTooLong;

  /** The token loader knows no such token (401 {@code invalid_token}). */
  public final Refusal unknownToken;
  /** The token has expired (401 {@code invalid_token}). */
  public final Refusal expiredToken;
  /** The token lacks a scope the route requires (403 {@code insufficient_scope}). */
  public final Refusal insufficientScope;
  /** The user is no longer active (401 {@code invalid_token}). */
  public final Refusal inactiveUser;
  /** A loader failed or found no user for a valid token (500). */
  public final Refusal serverError;

  /** The refusals of a route requiring a {@code tokenType} token under {@code scheme} granting {@code scopes}. */
  public Refusals(String scheme, String realm, String tokenType, Collection<String> scopes) {
    this.scheme = scheme;
    String bare = scheme + " realm=\"" + realm + "\"";
    missingCredentials = new Refusal(401, bare, "Request error: Missing Authorization header");
    otherScheme = new Refusal(401, bare, "Request error: Authorization header must use the " + scheme + " scheme");
    String multiple = "More than one Authorization header";
    multipleHeaders = new Refusal(400, challenge(bare, "invalid_request", multiple), "Request error: " + multiple);
    String malformed = "Authorization header must be '" + scheme + " <token>'";
    malformedCredentials = new Refusal(400, challenge(bare, "invalid_request", malformed), "Request error: " + malformed);
    String tooLong = scheme + " token longer than " + MAX_TOKEN_LENGTH + " characters";
    tokenTooLong = new Refusal(400, challenge(bare, "invalid_request", tooLong), "Request error: " + tooLong);
    String unknown = "Invalid " + tokenType + " token";
    unknownToken = new Refusal(401, challenge(bare, "invalid_token", unknown), "Token error: " + unknown);
    String expired = tokenType + " token expired";
    expiredToken = new Refusal(401, challenge(bare, "invalid_token", expired), "Token error: " + expired);
    insufficientScope = new Refusal(403,
        challenge(bare, "insufficient_scope", "Insufficient scope") + ", scope=\"" + String.join(" ", scopes) + "\"",
        "Scope error: Insufficient scope");
    inactiveUser = new Refusal(401, challenge(bare, "invalid_token", "Invalid User"), "Token error: Invalid User");
    serverError = new Refusal(500, null, "Server error: Internal server error");
  }

  private static String challenge(String bare, String error, String description) {
    return bare + ", error=\"" + error + "\", error_description=\"" + description + "\"";
  }
}
