package io.statelessauth;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one protected route requires: the token type handed to the token loader, the scheme the
 * credentials header must name, the scopes the token must grant, the roles of which the user must
 * hold one, and whether requests without credentials get through anonymously. A value: two routes
 * with the same requirements are equal.
 *
 * <p>Made by the builder that {@link AbstractStatelessAuthManager#route()} returns, which starts
 * from the manager's configured defaults; the generated {@code Authenticated<Name>} classes build
 * one per {@code @TokenRequired} method, such as {@code manager.route().tokenType("refresh").build()}.
 */
public final class AuthRoute {
  private final String tokenType;
  private final String authType;
  private final Set<String> scopes;
  private final Set<String> roles;
  private final boolean optional;
  /** {@link #scopes} as an array, so that checking a token allocates no iterator. */
  final String[] requiredScopes;
  /** {@link #roles} as an array, so that checking a user allocates no iterator. */
  final String[] allowedRoles;

  private AuthRoute(Builder builder) {
    this.tokenType = builder.tokenType;
    this.authType = builder.authType;
    this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(builder.scopes));
    this.roles = Collections.unmodifiableSet(new LinkedHashSet<>(builder.roles));
    this.optional = builder.optional;
    this.requiredScopes = scopes.toArray(new String[0]);
    this.allowedRoles = roles.toArray(new String[0]);
  }

  /** The token type passed to the token loader, such as {@code access} or {@code refresh}. */
  public String tokenType() {
    return tokenType;
  }

  /** The scheme the credentials header must name, such as {@code Bearer}. */
  public String authType() {
    return authType;
  }

  /** The scopes the token must all grant, in the order declared; empty when none. */
  public Set<String> scopes() {
    return scopes;
  }

  /** The roles of which the user must hold at least one, in the order declared; empty when any user will do. */
  public Set<String> roles() {
    return roles;
  }

  /**
   * Whether a request that presents no credentials for the route's scheme is let through
   * anonymously; credentials that are presented are always checked in full.
   */
  public boolean optional() {
    return optional;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof AuthRoute)) {
      return false;
    }
    AuthRoute that = (AuthRoute) other;
    return tokenType.equals(that.tokenType)
        && authType.equals(that.authType)
        && scopes.equals(that.scopes)
        && roles.equals(that.roles)
        && optional == that.optional;
  }

  @Override
  public int hashCode() {
    return Objects.hash(tokenType, authType, scopes, roles, optional);
  }

  @Override
  public String toString() {
    return "AuthRoute{tokenType=" + tokenType + ", authType=" + authType + ", scopes=" + scopes
        + ", roles=" + roles + ", optional=" + optional + "}";
  }

  /**
   * Collects a route's requirements; every setter checks its value at once and throws {@link
   * IllegalArgumentException} naming what is wrong.
   */
  public static final class Builder {
    private String tokenType;
    private String authType;
    private final Set<String> scopes = new LinkedHashSet<>();
    private final Set<String> roles = new LinkedHashSet<>();
    private boolean optional;

    /** A route of the configured default token type and scheme, with no scope or role. */
    Builder(StatelessAuthConfig config) {
      this.tokenType = config.defaultTokenType();
      this.authType = config.defaultAuthType();
    }

    /** The token type passed to the token loader: visible ASCII without white space. */
    public Builder tokenType(String tokenType) {
      this.tokenType =
          StatelessAuthConfig.requireTokenType("tokenType", Objects.requireNonNull(tokenType, "tokenType"));
      return this;
    }

    /** The scheme the credentials header must name: an RFC 9110 token, such as {@code Bearer}. */
    public Builder authType(String authType) {
      this.authType = StatelessAuthConfig.requireToken("authType", Objects.requireNonNull(authType, "authType"));
      return this;
    }

    /** Adds scopes the token must grant, each an RFC 6749 scope-token. */
    public Builder scopes(String... scopes) {
      for (String scope : Objects.requireNonNull(scopes, "scopes")) {
        if (scope == null || !Syntax.isScopeToken(scope)) {
          throw new IllegalArgumentException(
              "scopes must be RFC 6749 scope-tokens (printable ASCII without space, '\"' or '\\'), was '"
                  + scope + "'");
        }
        this.scopes.add(scope);
      }
      return this;
    }

    /** Adds roles of which the user must hold at least one; none may be blank. */
    public Builder roles(String... roles) {
      for (String role : Objects.requireNonNull(roles, "roles")) {
        if (role == null || role.isBlank()) {
          throw new IllegalArgumentException("roles must not be blank, was '" + role + "'");
        }
        this.roles.add(role);
      }
      return this;
    }

    /** Lets requests that present no credentials for the route's scheme through anonymously. */
    public Builder optional() {
      this.optional = true;
      return this;
    }

    /** The route. */
    public AuthRoute build() {
      return new AuthRoute(this);
    }
  }
}
