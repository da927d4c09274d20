package io.statelessauth.example.accounts;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import io.statelessauth.example.routes.ApiError;
import java.text.Normalizer;
import java.util.Optional;

/**
 * The rules a user name follows, applied where a name comes in: at registration (a name that
 * breaks them is 400), at login (a name that breaks them cannot exist, and is refused as any
 * wrong name is, before any throttle or lookup), in the admin routes' {@code after}, and to the
 * names of API keys.
 *
 * <p>A name is compared in Unicode normalisation form C, so that {@code "e\u0301ve"} and
 * {@code "\u00e9ve"} are one name. It has 1 to {@value #MAX_LENGTH} UTF-16 units after
 * normalisation; its only space is U+0020, never at either end nor twice in a row (the
 * no-break, thin, ideographic and other spaces look the same); and it has no control (NUL
 * included), format (such as a zero-width space), line or paragraph separator, private-use,
 * unassigned or lone surrogate character.
 *
 * <p>Two names that look alike cannot both be registered: each is stored with its {@link #key},
 * which a unique column holds, while the user goes on seeing the name as they chose it.
 */
public final class Names {

  /** The longest name, in UTF-16 units after normalisation. */
  static final int MAX_LENGTH = 64;

  /** What a refused registration says. */
  public static final String RULES = rules("username");

  private static final Normalizer2 NFKC_CASE_FOLD = Normalizer2.getNFKCCasefoldInstance();
  /** Thread-safe once built; only its confusable data is used. */
  private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

  private Names() {}

  /** What a refused name says, for a name sent as {@code field} (a user's or an API key's). */
  public static String rules(String field) {
    return "'" + field + "' must be 1 to " + MAX_LENGTH + " characters whose only"
        + " space is U+0020, inside the name and never twice in a row, and without control, format,"
        + " separator, private-use or unassigned characters";
  }

  /**
   * What {@code name} looks like: its Unicode TR 39 skeleton (confusables such as Cyrillic
   * {@code а} and Latin {@code a}, or {@code I} and {@code l}, mapped to one prototype) after
   * NFKC and case folding (fullwidth {@code ａ} and {@code A} become {@code a}). Two names with
   * one key could be mistaken for each other.
   */
  public static String key(String name) {
    return CONFUSABLES.getSkeleton(NFKC_CASE_FOLD.normalize(name));
  }

  /**
   * {@code raw} in normalisation form C when it follows the rules; empty when it does not (then
   * no user can have it). A lone surrogate breaks the rules.
   */
  public static Optional<String> normalised(String raw) {
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
    if (name.isEmpty() || name.length() > MAX_LENGTH || name.startsWith(" ") || name.endsWith(" ")
        || name.contains("  ") || name.codePoints().anyMatch(Names::forbidden)) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /** Whether {@code value} holds a control character (NUL included) or a lone surrogate. */
  public static boolean hasControlCharacters(String value) {
    return value.codePoints().anyMatch(codePoint -> Character.getType(codePoint) == Character.CONTROL
        || Character.getType(codePoint) == Character.SURROGATE);
  }

  /** {@code value} when it is well-formed UTF-16; 400 naming {@code field} when it is not. */
  public static String wellFormed(String value, String field) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw ApiError.badRequest("'" + field + "' is not valid Unicode (a lone surrogate)");
      }
    }
    return value;
  }

  private static boolean forbidden(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.SPACE_SEPARATOR:
        return codePoint != ' ';
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.SURROGATE:
        return true;
      default:
        return false;
    }
  }
}
