package io.statelessauth;

/**
 * The character rules of RFC 9110, RFC 6749 and RFC 6750 that the runtime checks values against,
 * and the checks of configured values built on them.
 */
final class Syntax {
  private static final boolean[] TCHAR = new boolean[128];
  private static final boolean[] B64TOKEN = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TCHAR[c] = true;
      B64TOKEN[c] = true;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      TCHAR[c] = true;
      B64TOKEN[c] = true;
      TCHAR[c + ('a' - 'A')] = true;
      B64TOKEN[c + ('a' - 'A')] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TCHAR[c] = true;
    }
    for (char c : "-._~+/".toCharArray()) {
      B64TOKEN[c] = true;
    }
  }

  private Syntax() {}

  /** RFC 9110 §5.6.2 {@code token}: header names and authentication schemes. */
  static boolean isToken(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 128 || !TCHAR[c]) {
        return false;
      }
    }
    return true;
  }

  /** RFC 6750 §2.1 {@code b64token}, {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}, in {@code value[from, to)}. */
  static boolean isB64Token(String value, int from, int to) {
    int i = from;
    while (i < to) {
      char c = value.charAt(i);
      if (c >= 128 || !B64TOKEN[c]) {
        break;
      }
      i++;
    }
    if (i == from) {
      return false;
    }
    while (i < to && value.charAt(i) == '=') {
      i++;
    }
    return i == to;
  }

  /** RFC 6749 §3.3 {@code scope-token}: {@code 1*( %x21 / %x23-5B / %x5D-7E )}. */
  static boolean isScopeToken(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ' || !isChallengeChar(c)) {
        return false;
      }
    }
    return true;
  }

  /** RFC 6750 §3: text allowed inside the quoted {@code realm}, {@code error_description} and {@code scope}. */
  static boolean isChallengeText(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isChallengeChar(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code value} holds {@code ascii} at {@code from}, comparing A–Z without regard to case
   * and nothing else: RFC 9110 compares schemes over ASCII, so no Unicode case folding (the long
   * s, the dotless i, the Kelvin sign) may turn another scheme into this one.
   */
  static boolean equalsIgnoreAsciiCase(String value, int from, String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      char c = value.charAt(from + i);
      char expected = ascii.charAt(i);
      if (c != expected && toLowerAscii(c) != toLowerAscii(expected)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code a} and {@code b} are equal, comparing A–Z without regard to case and nothing else. */
  static boolean equalsIgnoreAsciiCase(String a, String b) {
    return a.length() == b.length() && equalsIgnoreAsciiCase(a, 0, b);
  }

  private static char toLowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** Visible ASCII without white space: token types. */
  static boolean isVisibleAscii(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** {@code %x20-21 / %x23-5B / %x5D-7E}: printable ASCII but the double quote and the backslash. */
  private static boolean isChallengeChar(char c) {
    return c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
  }

  // Checks of configured values: each returns the value, or throws IllegalArgumentException naming
  // the key or builder method {@code name} and saying what is allowed.

  static String requireToken(String name, String value) {
    if (!isToken(value)) {
      throw new IllegalArgumentException(
          name + " must be an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~), was '" + value + "'");
    }
    return value;
  }

  static String requireTokenType(String name, String value) {
    if (!isVisibleAscii(value)) {
      throw new IllegalArgumentException(
          name + " must be non-empty visible ASCII without white space, was '" + value + "'");
    }
    return value;
  }

  static String requireRealm(String name, String value) {
    if (!isChallengeText(value)) {
      throw new IllegalArgumentException(
          name + " must be printable ASCII without '\"' or '\\', was '" + value + "'");
    }
    return value;
  }

  static int requireTokenLength(String name, int value) {
    if (value < 1 || value > StatelessAuthConfig.MAX_TOKEN_LENGTH_LIMIT) {
      throw new IllegalArgumentException(
          name + " must be from 1 to " + StatelessAuthConfig.MAX_TOKEN_LENGTH_LIMIT + ", was " + value);
    }
    return value;
  }

  static boolean parseBoolean(String name, String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
  }

  static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
    }
  }
}
