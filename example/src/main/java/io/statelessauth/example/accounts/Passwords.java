package io.statelessauth.example.accounts;

import java.nio.charset.StandardCharsets;
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
 * <p>A stored hash reads {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64), so that a
 * hash made at another iteration count still verifies; {@link #needsRehash} tells the caller to
 * store a new hash at the configured count after a successful login.
 *
 * <p>Every check costs the configured count, so that its time tells nothing: a hash stored at a
 * lower count is padded with the missing iterations, and an unknown name ({@link
 * #matchesNothing}) costs the configured count too. PBKDF2's cost grows linearly with the
 * iterations, so equal counts take equal time.
 */
public final class Passwords {

  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final byte[] PADDING_SALT =
      "stateless-auth padding".getBytes(StandardCharsets.US_ASCII);

  private final int iterations;
  private final Pbkdf2 pbkdf2;
  private final SecureRandom random = new SecureRandom();

  /** Hashes passwords with {@code iterations} rounds of the JDK's PBKDF2-HMAC-SHA256. */
  public Passwords(int iterations) {
    this(iterations, Pbkdf2.JDK);
  }

  /** Hashes passwords with {@code iterations} rounds of {@code pbkdf2}. */
  public Passwords(int iterations, Pbkdf2 pbkdf2) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive: " + iterations);
    }
    this.iterations = iterations;
    this.pbkdf2 = pbkdf2;
  }

  /** A new salted hash of {@code password} at the configured count, ready to store. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return String.join("$", PREFIX, Integer.toString(iterations),
        base64.encodeToString(salt), base64.encodeToString(pbkdf2.derive(password, salt, iterations)));
  }

  /**
   * Whether {@code password} is the one {@code stored} was made from; costs at least the
   * configured count, whatever count {@code stored} was made with.
   */
  boolean matches(String password, String stored) {
    StoredHash hash = StoredHash.parse(stored);
    byte[] actual = pbkdf2.derive(password, hash.salt(), hash.iterations());
    if (hash.iterations() < iterations) {
      pbkdf2.derive(password, PADDING_SALT, iterations - hash.iterations());
    }
    return MessageDigest.isEqual(hash.derived(), actual);
  }

  /** Whether {@code stored} was made at another count than the configured one. */
  boolean needsRehash(String stored) {
    return StoredHash.parse(stored).iterations() != iterations;
  }

  /**
   * Spends the time of one {@link #matches} and answers {@code false}: for a user name that does
   * not exist, so that a login attempt takes as long whether the name or the password is wrong.
   */
  boolean matchesNothing(String password) {
    pbkdf2.derive(password, PADDING_SALT, iterations);
    return false;
  }

  /** A stored hash, taken apart. */
  private record StoredHash(int iterations, byte[] salt, byte[] derived) {

    static StoredHash parse(String stored) {
      String[] parts = stored.split("\\$");
      if (parts.length != 4 || !parts[0].equals(PREFIX)) {
        throw new IllegalArgumentException("not a " + PREFIX + " password hash");
      }
      Base64.Decoder base64 = Base64.getDecoder();
      return new StoredHash(
          Integer.parseInt(parts[1]), base64.decode(parts[2]), base64.decode(parts[3]));
    }
  }

  /** PBKDF2 with HMAC-SHA256, deriving 256 bits; an interface so that tests can count the work. */
  @FunctionalInterface
  public interface Pbkdf2 {

    /** The JDK's {@code PBKDF2WithHmacSHA256}. */
    Pbkdf2 JDK = (password, salt, iterations) -> {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      try {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(spec).getEncoded();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
      } finally {
        spec.clearPassword();
      }
    };

    /** The key derived from {@code password} and {@code salt} in {@code iterations} rounds. */
    byte[] derive(String password, byte[] salt, int iterations);
  }
}
