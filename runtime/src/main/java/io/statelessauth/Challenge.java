package io.statelessauth;

/**
 * The RFC 6750 §3 {@code WWW-Authenticate} value of a refusal: {@code <scheme> realm="<realm>"},
 * then for a refusal with an error code {@code , error="<code>", error_description="<msg>"} and,
 * where the route requires scopes, {@code , scope="<scopes>"}. Text outside the RFC's characters
 * never reaches the header: a description that breaks the rule is replaced by a generic one.
 */
final class Challenge {
  private static final int MAX_DESCRIPTION_LENGTH = 200;

  private Challenge() {}

  /** {@code <scheme> realm="<realm>"}: the challenge of a refusal without an error code. */
  static String bare(String authType, String realm) {
    return authType + " realm=\"" + realm + "\"";
  }

  /**
   * The value for a refusal with status {@code code}, RFC 6750 {@code errorCode} (or {@code null})
   * and message {@code msg}; {@code null} for a status that takes none (anything but 400, 401 and
   * 403). {@code scope} is the space-separated list sent with a 403, or {@code null} for none.
   */
  static String of(String bare, int code, String errorCode, String msg, String scope) {
    if (code != 400 && code != 401 && code != 403) {
      return null;
    }
    if (errorCode == null) {
      return bare;
    }
    StringBuilder value = new StringBuilder(bare)
        .append(", error=\"").append(errorCode)
        .append("\", error_description=\"").append(description(msg, errorCode)).append('"');
    if (code == 403 && scope != null) {
      value.append(", scope=\"").append(scope).append('"');
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
}
