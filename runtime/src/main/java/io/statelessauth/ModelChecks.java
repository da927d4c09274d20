package io.statelessauth;

import java.util.Set;

/**
 * The checks of a loaded token model and user against a route: expiry and scopes for a {@link
 * TokenMixin}, activity and roles for a {@link UserMixin}. Each failure throws the route's own
 * refusal.
 */
final class ModelChecks {

  private ModelChecks() {}

  /**
   * Refuses an expired token (401 {@code invalid_token}) or one that lacks a scope the route
   * requires (403 {@code insufficient_scope}).
   */
  static void checkToken(TokenMixin token, AuthRoute route, RouteRefusals refusals) {
    checkExpiry(token, route, refusals);
    String[] required = route.requiredScopes;
    if (required.length == 0) {
      return;
    }
    Set<String> granted = token.scopes();
    if (granted == null) {
      throw refusals.insufficientScope;
    }
    for (String scope : required) {
      if (!granted.contains(scope)) {
        throw refusals.insufficientScope;
      }
    }
  }

  /** Refuses an expired token (401 {@code invalid_token}). */
  static void checkExpiry(TokenMixin token, AuthRoute route, RouteRefusals refusals) {
    if (token.tokenExpired(route.tokenType(), refusals.scheme)) {
      throw refusals.expiredToken;
    }
  }

  /**
   * Refuses a user that is no longer active (401 {@code invalid_token}, "Invalid User"), then one
   * that holds none of the route's roles (403, type {@code Role}).
   */
  static void checkUser(UserMixin user, AuthRoute route, RouteRefusals refusals) {
    if (!user.isActive()) {
      throw refusals.inactiveUser;
    }
    String[] allowed = route.allowedRoles;
    if (allowed.length == 0) {
      return;
    }
    Set<String> held = user.roles();
    if (held != null) {
      for (String role : allowed) {
        if (held.contains(role)) {
          return;
        }
      }
    }
    throw refusals.insufficientRole;
  }
}
