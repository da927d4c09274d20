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
   */
  public static String hash(String token) {
    Objects.requireNonNull(token, "token");
    return HEX.formatHex(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Whether {@code a} and {@code b} are the same, in time that does not depend on where they
   * differ (only on their lengths), so that comparing a presented secret leaks nothing of the
   * stored one.
   */
  public static boolean equal(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
