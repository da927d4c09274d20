package io.statelessauth;

/**
 * Which step refused a request, as {@link StatelessAuthError#reason()} says: a closed set, one per
 * row of the README's request table, for metrics and audit logs. No constant carries a token, a
 * user or a path, so counting by reason can neither leak a secret nor grow without bound.
 */
public enum AuthFailure {
  /** No credentials for the route's schemes: no header, a blank one, or another scheme (401). */
  MISSING_CREDENTIALS,
  /** A credentials header the route reads arrived as several fields, or several schemes at once (400). */
  MULTIPLE_CREDENTIALS,
  /** Credentials that are not one {@code b64token}, or are longer than the configured maximum (400). */
  MALFORMED_CREDENTIALS,
  /** The token loader does not know the token (401). */
  UNKNOWN_TOKEN,
  /** The token model says the token has expired (401). */
  EXPIRED_TOKEN,
  /** The token does not grant every scope the route requires (403). */
  INSUFFICIENT_SCOPE,
  /** The user is not active (401). */
  INACTIVE_USER,
  /** The user holds none of the roles the route allows (403). */
  INSUFFICIENT_ROLE,
  /** The user loader found no user for a valid token: a fault of the server's data (500). */
  UNKNOWN_USER,
  /** A {@link StatelessAuthError} the application threw: from a loader, a listener or the handler. */
  APPLICATION,
  /** An unexpected exception from a loader or the handler (500). */
  SERVER_ERROR
}
