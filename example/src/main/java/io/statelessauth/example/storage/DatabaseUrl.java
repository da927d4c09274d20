package io.statelessauth.example.storage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps database secrets out of what the service prints: a JDBC URL may carry a password in its
 * query ({@code ?password=...}), its properties ({@code ;password=...}) or its user information
 * ({@code //user:secret@host}), and the JDBC driver manager puts the whole URL in its messages
 * ({@code No suitable driver found for <url>}).
 */
public final class DatabaseUrl {

  /** {@code //user:secret@} after the scheme: user information, which may hold a password. */
  private static final Pattern USER_INFO = Pattern.compile("//[^/?#;@]*@");
  /** A password in a URL: {@code password=} as a parameter, or user information with a colon. */
  private static final Pattern PASSWORD =
      Pattern.compile("[?&;][a-z_]*password=|//[^/?#;@]*:[^/?#;@]*@", Pattern.CASE_INSENSITIVE);
  /** A JDBC URL inside a message, up to the next white space. */
  private static final Pattern JDBC_URL = Pattern.compile("jdbc:\\S+");

  private DatabaseUrl() {}

  /** {@code url} without its query, properties, fragment and user information. */
  public static String withoutSecrets(String url) {
    String stops = url.startsWith("jdbc:sqlite:") ? "?#" : "?#;";
    int end = url.length();
    for (int i = 0; i < url.length(); i++) {
      if (stops.indexOf(url.charAt(i)) >= 0) {
        end = i;
        break;
      }
    }
    return USER_INFO.matcher(url.substring(0, end)).replaceFirst("//");
  }

  /** Whether {@code url} carries a password, in its query, its properties or its user information. */
  public static boolean carriesPassword(String url) {
    return PASSWORD.matcher(url).find();
  }

  /** {@code message} with every JDBC URL in it {@linkplain #withoutSecrets cut to its safe part}. */
  public static String redact(String message) {
    if (message == null) {
      return null;
    }
    Matcher url = JDBC_URL.matcher(message);
    StringBuilder out = new StringBuilder();
    while (url.find()) {
      url.appendReplacement(out, Matcher.quoteReplacement(withoutSecrets(url.group())));
    }
    url.appendTail(out);
    return out.toString();
  }
}
