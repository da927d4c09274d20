package io.statelessauth.example;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and checks passwords with PBKDF2-HMAC-SHA256 from the JDK, a random 16-byte salt per
 * password, and a constant-time comparison.
 *
 * <p>A stored hash reads {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64), so raising
 * the iteration count later still verifies the passwords hashed before.
 */
final class Passwords {

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final int iterations;
  private final SecureRandom random = new SecureRandom();
  private final String decoy;

  /** Hashes new passwords with {@code iterations} rounds. */
  Passwords(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive: " + iterations);
    }
    this.iterations = iterations;
    this.decoy = hash("decoy password for unknown users");
  }

  /** A new salted hash of {@code password}, ready to store. */
  String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return String.join("$", PREFIX, Integer.toString(iterations),
        base64.encodeToString(salt), base64.encodeToString(derive(password, salt, iterations)));
  }

  /** Whether {@code password} is the one {@code stored} was made from. */
  boolean matches(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      throw new IllegalArgumentException("not a " + PREFIX + " password hash");
    }
    Base64.Decoder base64 = Base64.getDecoder();
    byte[] expected = base64.decode(parts[3]);
    byte[] actual = derive(password, base64.decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * Spends the time of one {@link #matches} and answers {@code false}: for a user name that does
   * not exist, so that a login attempt takes as long whether the name or the password is wrong.
   */
  boolean matchesNothing(String password) {
    matches(password, decoy);
    return false;
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
