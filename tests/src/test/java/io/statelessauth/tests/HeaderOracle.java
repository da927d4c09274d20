package io.statelessauth.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The answer a request's header bytes must get from a protected route, worked out without the
 * runtime: first how the JDK's HttpServer (17 to 25 alike, probed with raw sockets) splits the
 * header section into fields, then the README's request table for the {@code Authorization} fields,
 * and on a route of two schemes ({@link #expectTwoSchemes}) for those and the API-key header's.
 *
 * <p>The server's reading of the bytes: a CR, an LF or a CRLF ends a line, unless the next byte is
 * a space, a tab or another control character other than CR and LF, which folds the line: the
 * break and that byte become one space. A tab becomes a space. A field's name is what precedes its
 * first colon, when no space comes before it; its value is what follows, less the bytes up to
 * {@code 0x20} at both ends; other bytes become the Latin-1 characters of the same value. A field
 * whose name is empty or not an RFC 9110 token has the server answer 400 itself. Names are compared
 * without regard to ASCII case. Later JDK 17 updates (17.0.21) also answer 400 themselves to a
 * field line holding a control character other than a tab, including one that would fold or be
 * trimmed, and to a CR that no LF follows ({@code strictValues}); 17.0.19 and 25.0.3 do not.
 */
final class HeaderOracle {
  private static final int CR = '\r';
  private static final int LF = '\n';
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
  private static final String TCHAR = "!#$%&'*+-.^_`|~";

  /** The kinds of answer, told apart by status and {@code WWW-Authenticate}. */
  enum Kind {
    /** The JDK's own 400, before any handler runs. */
    SERVER_REJECTS,
    /** 401 with a bare challenge: no credentials for the scheme. */
    NO_CREDENTIALS,
    /** 400 {@code invalid_request}: more than one field, malformed or too long. */
    INVALID_REQUEST,
    /** 401 {@code invalid_token}: unknown, expired, of another type, of an inactive user, revoked. */
    INVALID_TOKEN,
    /** 200 from the handler, with the token. */
    HANDLED
  }

  /**
   * The answer expected, for {@link Kind#HANDLED} the token the handler must be given, and the
   * scheme whose challenge the answer carries: {@link #BEARER} or {@link #API_KEY}; {@link
   * #EVERY_SCHEME} for one challenge per scheme of the route, in its order; {@link #EITHER_SCHEME}
   * for one challenge of either scheme (two repeated fields: the first one the runtime reads).
   */
  record Expected(Kind kind, String token, String scheme) {
    Expected(Kind kind, String token) {
      this(kind, token, BEARER);
    }
  }

  static final String BEARER = "Bearer";
  static final String API_KEY = "ApiKey";
  static final String EVERY_SCHEME = "every";
  static final String EITHER_SCHEME = "either";

  /** One field as the server reads it. */
  record Field(String name, String value) {}

  private final Map<String, Kind> knownTokens;
  private final Map<String, Kind> knownKeys;
  private final String keyHeader;
  private final int maxTokenLength;
  private final boolean strictValues;

  /**
   * @param knownTokens what the loaders make of each token they know: {@link Kind#HANDLED} or
   *     {@link Kind#INVALID_TOKEN}; every other well-formed token is unknown (invalid)
   * @param strictValues whether the server refuses field lines with control characters itself
   */
  HeaderOracle(Map<String, Kind> knownTokens, int maxTokenLength, boolean strictValues) {
    this(knownTokens, Map.of(), "X-API-Key", maxTokenLength, strictValues);
  }

  /**
   * An oracle that also knows the route of two schemes, {@code Bearer} then {@code ApiKey}, whose
   * keys are the whole value of {@code keyHeader}.
   *
   * @param knownKeys what the loaders make of each key they know under {@code ApiKey}; a token
   *     known under {@code Bearer} only is an unknown key, and the other way round
   */
  HeaderOracle(Map<String, Kind> knownTokens, Map<String, Kind> knownKeys, String keyHeader, int maxTokenLength,
      boolean strictValues) {
    this.knownTokens = Map.copyOf(knownTokens);
    this.knownKeys = Map.copyOf(knownKeys);
    this.keyHeader = keyHeader;
    this.maxTokenLength = maxTokenLength;
    this.strictValues = strictValues;
  }

  /** Whether {@code value} holds a control character other than a tab, which strict servers refuse. */
  static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(c -> (c < ' ' && c != '\t') || c == 0x7F);
  }

  /** The answer to a request whose header section (after the request line, through the empty line) is {@code section}. */
  Expected expect(byte[] section) {
    if (strictValues && refusedByAStrictServer(section)) {
      return new Expected(Kind.SERVER_REJECTS, null);
    }
    List<Field> fields = fields(section);
    List<String> credentials = new ArrayList<>();
    for (Field field : fields) {
      if (!isToken(field.name())) {
        return new Expected(Kind.SERVER_REJECTS, null);
      }
      if (field.name().equalsIgnoreCase("Authorization")) {
        credentials.add(field.value());
      }
    }
    if (credentials.isEmpty()) {
      return new Expected(Kind.NO_CREDENTIALS, null);
    }
    if (credentials.size() > 1) {
      return new Expected(Kind.INVALID_REQUEST, null);
    }
    return expectForValue(credentials.get(0));
  }

  /**
   * The answer to a request whose header section is {@code section} from the route of two
   * schemes: DESIGN.md's "Several credential kinds on one route". A repeated {@code Authorization}
   * or key header is 400; a field presents its scheme when {@code Authorization} holds the {@code
   * Bearer} scheme or the key header is not blank; both presented is 400 challenging both; one
   * presented is checked as on a route of its scheme alone; none is 401 challenging both.
   */
  Expected expectTwoSchemes(byte[] section) {
    if (strictValues && refusedByAStrictServer(section)) {
      return new Expected(Kind.SERVER_REJECTS, null, EVERY_SCHEME);
    }
    List<String> authorization = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Field field : fields(section)) {
      if (!isToken(field.name())) {
        return new Expected(Kind.SERVER_REJECTS, null, EVERY_SCHEME);
      }
      if (field.name().equalsIgnoreCase("Authorization")) {
        authorization.add(field.value());
      } else if (field.name().equalsIgnoreCase(keyHeader)) {
        keys.add(field.value());
      }
    }
    if (authorization.size() > 1 && keys.size() > 1) {
      return new Expected(Kind.INVALID_REQUEST, null, EITHER_SCHEME);
    }
    if (authorization.size() > 1) {
      return new Expected(Kind.INVALID_REQUEST, null, BEARER);
    }
    if (keys.size() > 1) {
      return new Expected(Kind.INVALID_REQUEST, null, API_KEY);
    }
    boolean bearer = authorization.size() == 1 && bearerToken(authorization.get(0)) != null;
    boolean key = keys.size() == 1 && !trimmed(keys.get(0)).isEmpty();
    if (bearer && key) {
      return new Expected(Kind.INVALID_REQUEST, null, EVERY_SCHEME);
    }
    if (bearer) {
      return expectForToken(bearerToken(authorization.get(0)), knownTokens, BEARER);
    }
    if (key) {
      return expectForToken(trimmed(keys.get(0)), knownKeys, API_KEY);
    }
    return new Expected(Kind.NO_CREDENTIALS, null, EVERY_SCHEME);
  }

  /** The README's first request steps for the one field's value. */
  private Expected expectForValue(String value) {
    String token = bearerToken(value);
    if (token == null) {
      return new Expected(Kind.NO_CREDENTIALS, null);
    }
    return expectForToken(token, knownTokens, BEARER);
  }

  /** What follows the {@code Bearer} scheme in {@code value}, or {@code null} when it names another. */
  private static String bearerToken(String value) {
    String trimmed = trimmed(value);
    String scheme = "bearer";
    if (trimmed.length() < scheme.length()
        || !asciiLowerCase(trimmed.substring(0, scheme.length())).equals(scheme)
        || (trimmed.length() > scheme.length() && trimmed.charAt(scheme.length()) != ' ')) {
      return null;
    }
    int tokenStart = scheme.length();
    while (tokenStart < trimmed.length() && trimmed.charAt(tokenStart) == ' ') {
      tokenStart++;
    }
    return trimmed.substring(tokenStart);
  }

  /** A presented token: malformed or too long, else what the loaders make of it under {@code scheme}. */
  private Expected expectForToken(String token, Map<String, Kind> known, String scheme) {
    if (token.length() > maxTokenLength || !B64TOKEN.matcher(token).matches()) {
      return new Expected(Kind.INVALID_REQUEST, null, scheme);
    }
    Kind kind = known.getOrDefault(token, Kind.INVALID_TOKEN);
    return new Expected(kind, kind == Kind.HANDLED ? token : null, scheme);
  }

  /** {@code value} without the spaces and tabs around it. */
  private static String trimmed(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    return value.substring(start, end);
  }

  /** The fields of {@code section}, as the JDK's server reads them (see the class comment). */
  static List<Field> fields(byte[] section) {
    List<Field> fields = new ArrayList<>();
    int[] at = {0};
    int first = next(section, at);
    while (first != CR && first != LF && first >= 0) {
      StringBuilder line = new StringBuilder().append((char) first);
      boolean inName = first > ' ';
      int colon = -1;
      while (true) {
        int c = next(section, at);
        if (c < 0) {
          first = -1;
          break;
        }
        if (c == CR || c == LF) {
          int following = next(section, at);
          if (c == CR && following == LF) {
            following = next(section, at);
            if (following == CR) {
              following = next(section, at);
            }
          }
          if (following == CR || following == LF || following > ' ') {
            first = following;
            break;
          }
          line.append(' ');
          if (following < 0) {
            first = -1;
            break;
          }
          continue;
        }
        if (c == '\t') {
          c = ' ';
        }
        if (c == ':' && inName && colon < 0) {
          colon = line.length();
        }
        if (c == ':' || c == ' ') {
          inName = false;
        }
        line.append((char) c);
      }
      fields.add(field(line, colon));
    }
    if (fields.size() >= 200) {
      throw new IllegalArgumentException("the generator made more fields than the JDK accepts");
    }
    return fields;
  }

  /** The field in {@code line}, whose name ends at {@code colon} ({@code -1}: no name). */
  private static Field field(StringBuilder line, int colon) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) <= ' ') {
      end--;
    }
    if (colon < 0) {
      return new Field("", "");
    }
    int start = colon + 1;
    while (start < end && line.charAt(start) <= ' ') {
      start++;
    }
    return new Field(line.substring(0, colon), start < end ? line.substring(start, end) : "");
  }

  /**
   * Whether a strict server refuses {@code section}: a byte below {@code 0x20} other than a tab, a
   * CR or an LF, or {@code 0x7F}, anywhere; or a CR that no LF follows.
   */
  private static boolean refusedByAStrictServer(byte[] section) {
    for (int i = 0; i < section.length; i++) {
      int c = section[i] & 0xFF;
      if ((c < ' ' && c != '\t' && c != CR && c != LF) || c == 0x7F) {
        return true;
      }
      if (c == CR && (i + 1 == section.length || section[i + 1] != LF)) {
        return true;
      }
    }
    return false;
  }

  private static int next(byte[] bytes, int[] at) {
    return at[0] < bytes.length ? bytes[at[0]++] & 0xFF : -1;
  }

  private static boolean isToken(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || TCHAR.indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String asciiLowerCase(String text) {
    StringBuilder lower = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return lower.toString();
  }
}
