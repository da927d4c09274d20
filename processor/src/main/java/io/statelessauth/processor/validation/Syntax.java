package io.statelessauth.processor.validation;

/**
 * The character rules that {@code @TokenRequired}'s values must follow, the same as the runtime's
 * (a test runs both over every ASCII character): an RFC 9110 token for the scheme, visible ASCII
 * for the token type, RFC 6749 scope-tokens for scopes.
 */
public final class Syntax {
  private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

  private Syntax() {}

  /** RFC 9110 §5.6.2 {@code tchar}: letters, digits and {@code !#$%&'*+-.^_`|~}. */
  public static boolean isTchar(int c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || TCHAR_SYMBOLS.indexOf(c) >= 0;
  }

  /** {@code %x21-7E}: a token type is one word of visible ASCII. */
  public static boolean isVisibleAscii(int c) {
    return c >= 0x21 && c <= 0x7E;
  }

  /** RFC 6749 §3.3 scope-token characters: {@code %x21 / %x23-5B / %x5D-7E}. */
  public static boolean isScopeChar(int c) {
    return c == 0x21 || c >= 0x23 && c <= 0x5B || c >= 0x5D && c <= 0x7E;
  }

  /** Whether {@code value} is a non-empty RFC 9110 token. */
  static boolean isToken(String value) {
    return !value.isEmpty() && value.chars().allMatch(Syntax::isTchar);
  }

  /** Whether {@code value} is non-empty visible ASCII, as a token type must be. */
  static boolean isTokenType(String value) {
    return !value.isEmpty() && value.chars().allMatch(Syntax::isVisibleAscii);
  }

  /** Whether {@code value} is an RFC 6749 scope-token. */
  static boolean isScopeToken(String value) {
    return !value.isEmpty() && value.chars().allMatch(Syntax::isScopeChar);
  }
}
