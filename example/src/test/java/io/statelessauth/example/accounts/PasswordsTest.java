package io.statelessauth.example.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.cli.Settings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordsTest {

  private final Passwords passwords = new Passwords(1_000);

  @Test
  void theRightPasswordMatchesItsHash() {
    assertTrue(passwords.matches("correct horse", passwords.hash("correct horse")));
  }

  @Test
  void anotherPasswordDoesNotMatch() {
    String stored = passwords.hash("correct horse");

    assertFalse(passwords.matches("correct horsE", stored));
    assertFalse(passwords.matches("", stored));
  }

  @Test
  void everyHashHasItsOwnSixteenByteSaltAndA256BitKey() {
    String[] first = passwords.hash("same password").split("\\$");
    String[] second = passwords.hash("same password").split("\\$");

    assertEquals(16, Base64.getDecoder().decode(first[2]).length);
    assertEquals(32, Base64.getDecoder().decode(first[3]).length);
    assertNotEquals(first[2], second[2]);
    assertNotEquals(first[3], second[3]);
  }

  /**
   * The published PBKDF2-HMAC-SHA256 vectors of RFC 7914, section 11 ("Test Vectors for PBKDF2
   * with HMAC-SHA-256"), checked through {@link Passwords#matches}: a stored hash made of the
   * vector's salt, count and derived key verifies only if {@code Passwords} derives exactly that
   * key. The RFC gives 64 bytes; {@code Passwords} derives 32, which are the first 32 of them,
   * since PBKDF2's output is its 32-byte blocks one after the other, each computed on its own
   * (RFC 8018, section 5.2).
   */
  @ParameterizedTest(name = "P={0}, S={1}, c={2}")
  @CsvSource({
      "passwd,   salt, 1,     55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
          + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783",
      "Password, NaCl, 80000, 4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
          + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"})
  void passwordsDerivesThePublishedPbkdf2HmacSha256Vectors(
      String password, String salt, int iterations, String derivedKey) {
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    byte[] firstBlock = HexFormat.of().parseHex(derivedKey.substring(0, 64));
    String stored = String.join("$", "pbkdf2-sha256", Integer.toString(iterations),
        base64.encodeToString(salt.getBytes(StandardCharsets.US_ASCII)),
        base64.encodeToString(firstBlock));
    Passwords atTheVectorsCount = new Passwords(iterations);

    assertTrue(atTheVectorsCount.matches(password, stored));
    assertFalse(atTheVectorsCount.matches(password.toUpperCase(), stored));
    assertFalse(atTheVectorsCount.needsRehash(stored));
  }

  /**
   * The service's own count, 600 000, through the path a registration and a login take: the hash
   * records the count, the right password verifies against it and another does not. With the
   * vectors above, this shows that what is stored is PBKDF2-HMAC-SHA256 at 600 000 iterations.
   * Slow on purpose (three derivations at the real count).
   */
  @Test
  void aHashAtTheRealCountRecordsItVerifiesTheRightPasswordOnlyAndHidesIt() {
    Passwords real = new Passwords(Settings.defaults().passwordIterations());

    String stored = real.hash("correct horse");

    assertTrue(stored.startsWith("pbkdf2-sha256$600000$"), stored);
    assertFalse(stored.contains("correct horse"));
    assertFalse(real.needsRehash(stored));
    assertTrue(real.matches("correct horse", stored));
    assertFalse(real.matches("correct horsE", stored));
  }

  @Test
  void hashesMadeWithOtherIterationsStillVerify() {
    String older = new Passwords(500).hash("correct horse");

    assertTrue(passwords.matches("correct horse", older));
  }

  @Test
  void unknownUsersMatchNothing() {
    assertFalse(passwords.matchesNothing("decoy password for unknown users"));
  }

  @Test
  void defaultIterationsAreOwaspsFigureForSha256() {
    assertEquals(600_000, Settings.defaults().passwordIterations());
    assertEquals(600_000, Settings.MIN_PASSWORD_ITERATIONS);
  }
}
