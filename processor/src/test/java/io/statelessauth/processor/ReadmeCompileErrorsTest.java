package io.statelessauth.processor;

import static io.statelessauth.processor.Fixtures.TOKEN;
import static io.statelessauth.processor.Fixtures.TOKENS;
import static io.statelessauth.processor.Fixtures.USER;
import static io.statelessauth.processor.Fixtures.api;
import static io.statelessauth.processor.Fixtures.compile;
import static io.statelessauth.processor.Fixtures.compileWithModels;
import static io.statelessauth.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The README's "Compile-time checks" table is what javac prints: each row's mistake is compiled
 * here, and the message javac reports must be the row's text exactly, so that the words users read
 * are checked, not only the {@code Messages} constants behind them. A row without a mistake here,
 * or a mistake here without its row, fails too.
 */
class ReadmeCompileErrorsTest {
  private static final Path README = Path.of("..", "README.md");
  /** {@code | 12 | the mistake | `the message` |}, the message in one or two backticks. */
  private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| .+? \\| (`+) ?(.*?) ?\\2 \\|$");

  /** Each row's mistake, by row number. */
  private static final Map<Integer, Supplier<Compilation>> MISTAKES = Map.ofEntries(
      Map.entry(1, () -> compile(TOKEN, USER, TOKENS)),
      Map.entry(2, () -> compile(api("  @TokenRequired\n  void secret(HttpExchange exchange) {}"))),
      Map.entry(3, () -> compileWithModels(source("other.MoreTokens", """
          package other;

          @io.statelessauth.annotations.TokenLoader
          public final class MoreTokens {
            public test.Token load(String token, String tokenType, String authType) {
              return null;
            }
          }
          """))),
      Map.entry(4, () -> compileWithModels(users("public enum Users {\n  INSTANCE;\n", "  public User load(Token token) { return null; }"))),
      Map.entry(5, () -> compileWithModels(users("public final class Users {", """
            public User load(Token token) { return null; }
            public User load(String name) { return null; }
          """))),
      Map.entry(6, () -> compileWithModels(source("test.Tokens", """
          package test;

          @io.statelessauth.annotations.TokenLoader
          public final class Tokens {
            public Token load(String token) {
              return null;
            }
          }
          """))),
      Map.entry(7, () -> compileWithModels(users("public final class Users {", "  public void load(Token token) {}"))),
      Map.entry(8, () -> compileWithModels(users("public final class Users {", "  public User load(String token) { return null; }"))),
      Map.entry(9, () -> compileWithModels(source("test.Tokens", """
          package test;

          @io.statelessauth.annotations.TokenLoader
          public final class Tokens {
            public Token load(String token, String tokenType, String authType) throws java.sql.SQLException {
              return null;
            }
          }
          """))),
      Map.entry(10, () -> compile(TOKEN, USER, TOKENS, source("other.Users", """
          package other;

          import test.Token;
          import test.User;

          @io.statelessauth.annotations.UserLoader
          final class Users {
            public User load(Token token) {
              return null;
            }
          }
          """))),
      Map.entry(11, () -> compileWithModels(api("  @TokenRequired\n  private void secret(HttpExchange exchange) {}"))),
      Map.entry(12, () -> compileWithModels(api("  @TokenRequired\n  void secret(Object principal) {}"))),
      Map.entry(13, () -> compileWithModels(api("  @TokenRequired\n  String secret(HttpExchange exchange) { return null; }"))),
      Map.entry(14, () -> compileWithModels(api("  @TokenRequired\n  void secret(HttpExchange exchange) throws Exception {}"))),
      Map.entry(15, () -> compileWithModels(api("  @TokenRequired(authType = \"Bearer token\")\n  void secret(HttpExchange exchange) {}"))),
      Map.entry(16, () -> compileWithModels(api("  @TokenRequired(scopes = \"write all\")\n  void secret(HttpExchange exchange) {}"))),
      Map.entry(17, () -> compileWithModels(api("""
            @TokenRequired
            void secret(HttpExchange exchange) {}

            @TokenRequired
            void secret(HttpExchange exchange, User user) {}
          """))),
      Map.entry(18, () -> compileWithModels(api("  @TokenRequired\n  void secret(HttpExchange exchange) {}"),
          source("test.AuthenticatedApi", "package test;\n\nclass AuthenticatedApi {}"))),
      Map.entry(19, () -> compileWithModels(api("  @TokenRequired(optional = true)\n  void greet(HttpExchange exchange, User user) {}"))),
      Map.entry(20, () -> compileWithModels(api("  @TokenRequired\n  void whoami(HttpExchange exchange, Optional<User> user) {}"))),
      Map.entry(21, () -> compileWithModels(api("  @TokenRequired(optional = true)\n  void greet(Optional<String> name) {}"))),
      Map.entry(22, () -> compileWithModels(source("test.User", "package test;\n\npublic final class User {}"),
          api("  @TokenRequired(roles = \"admin\")\n  void users(HttpExchange exchange) {}"))),
      Map.entry(23, () -> compileWithModels(api("  @TokenRequired(roles = \" \")\n  void users(HttpExchange exchange) {}"))),
      Map.entry(24, () -> compileWithModels(api("  @TokenRequired(roles = {\"admin\", \"admin\"})\n  void users(HttpExchange exchange) {}"))),
      Map.entry(25, () -> compileWithModels(api("  @TokenRequired(authType = {\"Bearer\", \"\"})\n  void secret(HttpExchange exchange) {}"))),
      Map.entry(26, () -> compileWithModels(api("  @TokenRequired(authType = {\"Bearer\", \"ApiKey\", \"BEARER\"})\n  void secret(HttpExchange exchange) {}"))));


  private static JavaFileObject users(String declaration, String body) {
    return source("test.Users", """
        package test;

        @io.statelessauth.annotations.UserLoader
        %s
        %s
        }
        """.formatted(declaration, body));
  }

  /** The table's rows: row number to message. */
  static Map<Integer, String> rows() throws IOException {
    String readme = Files.readString(README);
    String section = readme.substring(readme.indexOf("## Compile-time checks"));
    section = section.substring(0, section.indexOf("\n## ", 3));
    Map<Integer, String> rows = new TreeMap<>();
    for (String line : section.split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        rows.put(Integer.parseInt(row.group(1)), row.group(3).replace("\\|", "|"));
      }
    }
    return rows;
  }

  @Test
  void everyRowIsAMistakeHereAndEveryMistakeHereIsARow() throws IOException {
    assertEquals(MISTAKES.keySet().stream().sorted().collect(Collectors.toList()), List.copyOf(rows().keySet()));
  }

  @Test
  void javacPrintsEachRowsMessageExactly() throws IOException {
    StringBuilder mismatches = new StringBuilder();
    for (Map.Entry<Integer, String> row : rows().entrySet()) {
      Compilation compilation = MISTAKES.get(row.getKey()).get();
      List<String> printed = compilation.diagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)
          .map(d -> d.getMessage(Locale.ROOT))
          .collect(Collectors.toList());
      if (!printed.contains(row.getValue())) {
        mismatches.append("row ").append(row.getKey()).append(": the README says\n  ").append(row.getValue())
            .append("\njavac printed\n  ").append(String.join("\n  ", printed)).append('\n');
      }
    }
    assertTrue(mismatches.length() == 0, mismatches::toString);
  }

  /**
   * Each row's mistake costs the user that row's message and nothing else: no error that follows
   * from it (a generated file that calls what the mistake broke, a check of the pair after a loader
   * failed), however many elements the message is printed on.
   */
  @Test
  void eachRowsMistakeIsAllJavacComplainsAbout() throws IOException {
    StringBuilder extra = new StringBuilder();
    for (Map.Entry<Integer, String> row : rows().entrySet()) {
      List<String> others = MISTAKES.get(row.getKey()).get().diagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)
          .map(d -> d.getMessage(Locale.ROOT))
          .filter(message -> !message.equals(row.getValue()))
          .collect(Collectors.toList());
      if (!others.isEmpty()) {
        extra.append("row ").append(row.getKey()).append(": besides its message, javac printed\n  ")
            .append(String.join("\n  ", others)).append('\n');
      }
    }
    assertTrue(extra.length() == 0, extra::toString);
  }
}
