package io.statelessauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Makes, hashes and compares secret tokens.
 *
 * <p>A token from {@link #generate()} is 256 bits from {@link SecureRandom}, as 43 characters of
 * base64url without padding: a valid RFC 6750 {@code b64token}. Store only {@link #hash} of it and
 * look tokens up by that hash, so that a leaked table does not leak usable tokens; since the
 * token is random, a fast unsalted hash is enough (unlike passwords).
 *
 * <p>{@link #hash} and {@link #equal} work on the UTF-8 bytes of their arguments and refuse a
 * string that has no UTF-8 form (malformed UTF-16: a lone surrogate) with an {@link
 * IllegalArgumentException}, rather than replace it: replacement would give {@code "\uD800"},
 * {@code "\uDFFF"} and {@code "?"} the same bytes, so that different secrets would hash and
 * compare alike. A token that passed the runtime's header checks is ASCII and never refused.
 */
public final class SecretTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final HexFormat HEX = HexFormat.of();

  private SecretTokens() {}

  /** A new token: 256 random bits, base64url without padding (43 characters). */
  public static String generate() {
    byte[] bits = new byte[32];
    RANDOM.nextBytes(bits);
    return BASE64URL.encodeToString(bits);
  }

  /**
   * The SHA-256 of the token's UTF-8 bytes as 64 lowercase hexadecimal digits: a stable text
   * form, the same on every JVM and in SQL ({@code lower(hex(sha256(token)))}).
   *
   * @throws IllegalArgumentException if {@code token} is malformed UTF-16 (holds a lone
   *     surrogate), which has no UTF-8 form; the message never shows the token
   */
  public static String hash(String token) {
    Objects.requireNonNull(token, "token");
    return HEX.formatHex(sha256().digest(utf8(token, "token")));
  }

  /**
   * Whether {@code a} and {@code b} are the same, in time that does not depend on where they
   * differ (only on their lengths), so that comparing a presented secret leaks nothing of the
   * stored one.
   *
   * @throws IllegalArgumentException if {@code a} or {@code b} is malformed UTF-16 (holds a lone
   *     surrogate), which has no UTF-8 form; the message never shows either value
   */
  public static boolean equal(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return MessageDigest.isEqual(utf8(a, "a"), utf8(b, "b"));
  }

  /** The UTF-8 bytes of {@code text}, refusing malformed UTF-16 instead of replacing it. */
  private static byte[] utf8(String text, String name) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(name + " is malformed UTF-16 (a lone surrogate)");
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
