package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
  void everyHashHasItsOwnSalt() {
    assertNotEquals(passwords.hash("same password"), passwords.hash("same password"));
  }

  @Test
  void theHashRecordsItsIterationsAndHidesThePassword() {
    String stored = new Passwords(Settings.MIN_PASSWORD_ITERATIONS).hash("correct horse");

    assertTrue(stored.startsWith("pbkdf2-sha256$600000$"), stored);
    assertFalse(stored.contains("correct horse"));
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
