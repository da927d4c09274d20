package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SecretTokens}: shape and uniqueness of new tokens, the hash, the comparison. */
class SecretTokensTest {
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{43}");

  @Test
  void generatedTokenIs43Base64UrlCharactersWithoutPadding() {
    String token = SecretTokens.generate();

    assertEquals(43, token.length());
    assertTrue(BASE64URL.matcher(token).matches(), token);
    assertEquals(32, Base64.getUrlDecoder().decode(token).length);
  }

  @Test
  void generatedTokenIsAValidB64Token() {
    String token = SecretTokens.generate();

    assertTrue(Syntax.isB64Token(token, 0, token.length()), token);
  }

  @Test
  void hundredThousandTokensHaveNoRepeatAndStayInTheAlphabet() {
    Set<String> seen = new HashSet<>();
    Set<Character> alphabet = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String token = SecretTokens.generate();
      assertTrue(BASE64URL.matcher(token).matches(), token);
      assertTrue(seen.add(token), () -> "repeated token after " + seen.size() + " draws");
      for (char c : token.toCharArray()) {
        alphabet.add(c);
      }
    }
    assertEquals(64, alphabet.size(), "every base64url character shows up");
  }

  @Test
  void hashIsSha256AsLowercaseHex() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretTokens.hash("abc"));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SecretTokens.hash(""));
    assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        SecretTokens.hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
  }

  @Test
  void hashEncodesTheTokenAsUtf8() {
    assertEquals("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c", SecretTokens.hash("\u00e9"));
  }

  @Test
  void hashIsStableAndDistinguishesTokens() {
    String token = SecretTokens.generate();

    assertEquals(SecretTokens.hash(token), SecretTokens.hash(new String(token.toCharArray())));
    assertTrue(SecretTokens.hash(token).matches("[0-9a-f]{64}"));
    assertNotEquals(SecretTokens.hash(token), SecretTokens.hash(token + "x"));
  }

  @Test
  void hashRejectsNull() {
    assertThrows(NullPointerException.class, () -> SecretTokens.hash(null));
  }

  @Test
  void equalComparesExactly() {
    String token = SecretTokens.generate();

    assertTrue(SecretTokens.equal(token, new String(token.toCharArray())));
    assertTrue(SecretTokens.equal("", ""));
    assertTrue(SecretTokens.equal("caf\u00e9", "caf\u00e9"));
    assertFalse(SecretTokens.equal("abc", "abd"));
    assertFalse(SecretTokens.equal("abc", "ABC"));
    assertFalse(SecretTokens.equal("abc", "abcd"));
    assertFalse(SecretTokens.equal("abc", ""));
    assertFalse(SecretTokens.equal("caf\u00e9", "cafe"));
  }

  @Test
  void equalRejectsNull() {
    assertThrows(NullPointerException.class, () -> SecretTokens.equal(null, "a"));
    assertThrows(NullPointerException.class, () -> SecretTokens.equal("a", null));
  }

  @Test
  void hashRefusesMalformedUtf16InsteadOfReplacingIt() {
    IllegalArgumentException lone = assertThrows(IllegalArgumentException.class,
        () -> SecretTokens.hash("\uD800"));
    assertThrows(IllegalArgumentException.class, () -> SecretTokens.hash("abc\uDFFF"));
    assertThrows(IllegalArgumentException.class, () -> SecretTokens.hash("\uDFFF\uD800"));
    assertThrows(IllegalArgumentException.class, () -> SecretTokens.hash("end\uD83D"));

    assertEquals("token is malformed UTF-16 (a lone surrogate)", lone.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD800a", "x\uD800yz", "\uD800\uD800"})
  void highSurrogateFollowedByAnythingButALowOneIsRefused(String malformed) {
    assertThrows(IllegalArgumentException.class, () -> SecretTokens.hash(malformed));
    assertThrows(IllegalArgumentException.class, () -> SecretTokens.equal(malformed, malformed));
  }

  @Test
  void malformedStringsNoLongerShareAHashWithAQuestionMark() {
    assertNotEquals(SecretTokens.hash("?"), hashOrNull("\uD800"));
    assertNotEquals(SecretTokens.hash("?"), hashOrNull("\uDFFF"));
  }

  @Test
  void equalRefusesMalformedUtf16SoTwoLoneSurrogatesNeverCompareEqual() {
    assertThrows(IllegalArgumentException.class, () -> SecretTokens.equal("\uD800", "\uDFFF"));
    assertThrows(IllegalArgumentException.class, () -> SecretTokens.equal("?", "\uD800"));
    IllegalArgumentException second = assertThrows(IllegalArgumentException.class,
        () -> SecretTokens.equal("eve", "eve\uDFFF"));

    assertEquals("b is malformed UTF-16 (a lone surrogate)", second.getMessage());
  }

  @Test
  void surrogatePairsAreWellFormedAndHashAsTheirUtf8() {
    String emoji = "\uD83D\uDE00";

    assertEquals("f0443a342c5ef54783a111b51ba56c938e474c32324d90c3a60c9c8e3a37e2d9",
        SecretTokens.hash(emoji));
    assertTrue(SecretTokens.equal(emoji, new String(emoji.toCharArray())));
    assertFalse(SecretTokens.equal(emoji, "\uD83D\uDE01"));
  }

  private static String hashOrNull(String token) {
    try {
      return SecretTokens.hash(token);
    } catch (IllegalArgumentException refused) {
      return null;
    }
  }
}
