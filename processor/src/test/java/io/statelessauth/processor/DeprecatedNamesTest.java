package io.statelessauth.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.statelessauth.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated code that names the application's deprecated elements compiles without a warning
 * under {@code -Xlint:all -Werror}, since the user can neither see nor annotate its lines: the
 * generated class suppresses {@code deprecation} or {@code removal}, as Dagger's does, exactly
 * where it names such an element. The application's own classes suppress what they name themselves.
 */
class DeprecatedNamesTest {
  private static final String SUPPRESS = "@SuppressWarnings({\"deprecation\", \"removal\"})\n";

  /**
   * One deprecated element per case: {@code where} is the element, {@code mark} its annotation,
   * {@code suppressed} the generated classes that must suppress it, {@code annotation} how.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      handlerMethod  | @Deprecated                     | test.AuthenticatedApi        | @SuppressWarnings("deprecation")
      handlerMethod  | @Deprecated(forRemoval = true)  | test.AuthenticatedApi        | @SuppressWarnings("removal")
      handlerClass   | @Deprecated                     | test.AuthenticatedApi        | @SuppressWarnings("deprecation")
      handlerClass   | @Deprecated(forRemoval = true)  | test.AuthenticatedApi        | @SuppressWarnings("removal")
      outerClass     | @Deprecated                     | test.AuthenticatedOuter_Api  | @SuppressWarnings("deprecation")
      tokenLoader    | @Deprecated                     | test.StatelessAuthManager    | @SuppressWarnings("deprecation")
      tokenLoader    | @Deprecated(forRemoval = true)  | test.StatelessAuthManager    | @SuppressWarnings("removal")
      loadMethod     | @Deprecated                     | test.StatelessAuthManager    | @SuppressWarnings("deprecation")
      loadMethod     | @Deprecated(forRemoval = true)  | test.StatelessAuthManager    | @SuppressWarnings("removal")
      model          | @Deprecated                     | test.StatelessAuthManager test.AuthenticatedApi  | @SuppressWarnings("deprecation")
      model          | @Deprecated(forRemoval = true)  | test.StatelessAuthManager test.AuthenticatedApi  | @SuppressWarnings("removal")
      """)
  void deprecatedElementCompilesCleanlyAndOnlyItsGeneratedClassSuppressesIt(
      String where, String mark, String suppressed, String annotation) throws IOException {
    Map<String, String> marks = Map.of(where, mark + "\n");
    Compilation compilation = javac()
        .withProcessors(new StatelessAuthProcessor())
        .withOptions(GeneratedCodeTest.LINT_ALL, "-Werror")
        .compile(sources(marks));

    assertThat(compilation).succeededWithoutWarnings();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String text = file.getCharContent(false).toString();
      if (List.of(suppressed.split(" ")).stream()
          .anyMatch(name -> file.getName().endsWith("/" + name.replace('.', '/') + ".java"))) {
        assertThat(text).contains(annotation + "\n");
      } else {
        assertThat(text).doesNotContain("@SuppressWarnings");
      }
    }
  }

  private static JavaFileObject[] sources(Map<String, String> marks) {
    String handlerClass = marks.getOrDefault("handlerClass", "");
    String outerClass = marks.getOrDefault("outerClass", "");
    String handlerMethod = marks.getOrDefault("handlerMethod", "");
    String api = outerClass.isEmpty()
        ? """
          package test;

          %s%spublic class Api {
            %s  @io.statelessauth.annotations.TokenRequired
            public void secret(com.sun.net.httpserver.HttpExchange exchange, User user) {}
          }
          """.formatted(SUPPRESS, handlerClass, handlerMethod)
        : """
          package test;

          %s%spublic class Outer {
            public static class Api {
              @io.statelessauth.annotations.TokenRequired
              public void secret(com.sun.net.httpserver.HttpExchange exchange, User user) {}
            }
          }
          """.formatted(SUPPRESS, outerClass);
    return new JavaFileObject[] {
      source(outerClass.isEmpty() ? "test.Api" : "test.Outer", api),
      source("test.Token", """
          package test;

          public final class Token implements io.statelessauth.TokenMixin {}
          """),
      source("test.User", """
          package test;

          %spublic final class User implements io.statelessauth.UserMixin {}
          """.formatted(marks.getOrDefault("model", ""))),
      source("test.Tokens", """
          package test;

          %s%s@io.statelessauth.annotations.TokenLoader
          public class Tokens {
            public Token load(String token, String tokenType, String authType) {
              return new Token();
            }
          }
          """.formatted(SUPPRESS, marks.getOrDefault("tokenLoader", ""))),
      source("test.Users", """
          package test;

          %s@io.statelessauth.annotations.UserLoader
          public class Users {
            %s  public User load(Token token) {
              return new User();
            }
          }
          """.formatted(SUPPRESS, marks.getOrDefault("loadMethod", ""))),
    };
  }
}
