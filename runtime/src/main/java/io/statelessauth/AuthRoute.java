package io.statelessauth;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one protected route requires: the token type handed to the token loader, the schemes whose
 * credentials it accepts, the scopes the token must grant, the roles of which the user must
 * hold one, and whether requests without credentials get through anonymously. A value: two routes
 * with the same requirements are equal.
 *
 * <p>Made by the builder that {@link AbstractStatelessAuthManager#route()} returns, which starts
 * from the manager's configured defaults; the generated {@code Authenticated<Name>} classes build
 * one per {@code @TokenRequired} method, such as {@code manager.route().tokenType("refresh").build()}.
 */
public final class AuthRoute {
  private final String tokenType;
  private final List<String> authTypes;
  private final Set<String> scopes;
  private final Set<String> roles;
  private final boolean optional;
  /** {@link #scopes} as an array, so that checking a token allocates no iterator. */
  final String[] requiredScopes;
  /** {@link #roles} as an array, so that checking a user allocates no iterator. */
  final String[] allowedRoles;

  private AuthRoute(Builder builder) {
    this.tokenType = builder.tokenType;
    this.authTypes = builder.authTypes;
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

  /** The first of {@link #authTypes()}: the route's only scheme, or its preferred one. */
  public String authType() {
    return authTypes.get(0);
  }

  /**
   * The schemes whose credentials the route accepts, such as {@code Bearer}, in order of preference
   * (the order of their challenges); at least one, no two alike without regard to case.
   */
  public List<String> authTypes() {
    return authTypes;
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
        && authTypes.equals(that.authTypes)
        && scopes.equals(that.scopes)
        && roles.equals(that.roles)
        && optional == that.optional;
  }

  @Override
  public int hashCode() {
    return Objects.hash(tokenType, authTypes, scopes, roles, optional);
  }

  @Override
  public String toString() {
    return "AuthRoute{tokenType=" + tokenType + ", authTypes=" + authTypes + ", scopes=" + scopes
        + ", roles=" + roles + ", optional=" + optional + "}";
  }

  /**
   * Collects a route's requirements; every setter checks its value at once and throws {@link
   * IllegalArgumentException} naming what is wrong.
   */
  public static final class Builder {
    private String tokenType;
    private List<String> authTypes;
    private final Set<String> scopes = new LinkedHashSet<>();
    private final Set<String> roles = new LinkedHashSet<>();
    private boolean optional;

    /** A route of the configured default token type and scheme, with no scope or role. */
    Builder(StatelessAuthConfig config) {
      this.tokenType = config.defaultTokenType();
      this.authTypes = List.of(config.defaultAuthType());
    }

    /** The token type passed to the token loader: visible ASCII without white space. */
    public Builder tokenType(String tokenType) {
      this.tokenType =
          Syntax.requireTokenType("tokenType", Objects.requireNonNull(tokenType, "tokenType"));
      return this;
    }

    /**
     * The schemes whose credentials the route accepts, in order of preference, in place of the
     * configured default: one or more RFC 9110 tokens, such as {@code Bearer}, none listed twice
     * (compared without regard to case).
     */
    public Builder authType(String... authTypes) {
      Objects.requireNonNull(authTypes, "authTypes");
      if (authTypes.length == 0) {
        throw new IllegalArgumentException("authType needs at least one scheme");
      }
      for (int i = 0; i < authTypes.length; i++) {
        Syntax.requireToken("authType", Objects.requireNonNull(authTypes[i], "authType"));
        for (int j = 0; j < i; j++) {
          if (Syntax.equalsIgnoreAsciiCase(authTypes[j], authTypes[i])) {
            throw new IllegalArgumentException(
                "authType lists the scheme " + authTypes[i] + " twice (schemes are compared without regard to case)");
          }
        }
      }
      this.authTypes = List.of(authTypes);
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
