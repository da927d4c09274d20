package io.statelessauth.processor;

import static com.google.testing.compile.Compiler.javac;
import static io.statelessauth.processor.Fixtures.API;
import static io.statelessauth.processor.Fixtures.TOKEN;
import static io.statelessauth.processor.Fixtures.TOKENS;
import static io.statelessauth.processor.Fixtures.USER;
import static io.statelessauth.processor.Fixtures.USERS;
import static io.statelessauth.processor.Fixtures.compile;
import static io.statelessauth.processor.Fixtures.compileWithModels;
import static io.statelessauth.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.statelessauth.processor.base.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A wiring mistake costs the user one error per element at fault, printed once: no error that
 * follows from another (a handler without loaders when a loader is only missing its partner, a
 * pair checked after one of its loaders failed), none repeated in a later round.
 */
class OneErrorPerMistakeTest {

  /** Compiles {@code sources}, adding the name of each file the processor writes to {@code written}. */
  private static Compilation compileRecordingWrites(List<String> written, JavaFileObject... sources) {
    return javac()
        .withProcessors(new StatelessAuthProcessor(filer -> file -> {
          written.add(file.packageName() + "." + file.typeSpec().name());
          file.writeTo(filer);
        }))
        .compile(sources);
  }

  private static List<String> errors(Compilation compilation) {
    return compilation.errors().stream()
        .map(error -> error.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  @Test
  void userLoaderWithoutATokenLoaderIsTheOnlyErrorEvenWithHandlers() {
    assertEquals(
        List.of(Messages.USER_LOADER_WITHOUT_TOKEN_LOADER.format("test.Users")),
        errors(compile(TOKEN, USER, USERS, API)));
  }

  @Test
  void tokenLoaderWithoutAUserLoaderIsTheOnlyErrorEvenWithHandlers() {
    assertEquals(
        List.of(Messages.TOKEN_LOADER_WITHOUT_USER_LOADER.format("test.Tokens", "test.Token")),
        errors(compile(TOKEN, USER, TOKENS, API)));
  }

  @Test
  void tokenLoaderWithoutAUserLoaderNamesAnArrayModelAsItIs() {
    JavaFileObject tokens =
        source(
            "test.Tokens",
            """
            package test;

            @io.statelessauth.annotations.TokenLoader
            public final class Tokens {
              public Token[] load(String token, String tokenType, String authType) {
                return null;
              }
            }
            """);
    assertEquals(
        List.of(Messages.TOKEN_LOADER_WITHOUT_USER_LOADER.format("test.Tokens", "test.Token[]")),
        errors(compile(TOKEN, tokens)));
  }

  @Test
  void tokenLoaderOfAPrimitiveWithoutAUserLoaderCallsTheModelToken() {
    JavaFileObject tokens =
        source(
            "test.Tokens",
            """
            package test;

            @io.statelessauth.annotations.TokenLoader
            public final class Tokens {
              public long load(String token, String tokenType, String authType) {
                return 0;
              }
            }
            """);
    assertEquals(
        List.of(Messages.TOKEN_LOADER_WITHOUT_USER_LOADER.format("test.Tokens", "Token")),
        errors(compile(tokens)));
  }

  @Test
  void twoTokenLoadersAreEachReportedOnce() {
    JavaFileObject more =
        source(
            "test.MoreTokens",
            """
            package test;

            @io.statelessauth.annotations.TokenLoader
            public final class MoreTokens {
              public Token load(String token, String tokenType, String authType) {
                return null;
              }
            }
            """);
    String message = Messages.TOO_MANY_LOADERS.format(2, "TokenLoader", "test.MoreTokens, test.Tokens", "TokenLoader");
    assertEquals(List.of(message, message), errors(compileWithModels(more, API)));
  }

  @Test
  void loaderWithAnErrorIsTheOnlyErrorOfItsPairAndItsHandlers() {
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            public final class Users {
              private User load(Token token) {
                return null;
              }
            }
            """);
    assertEquals(
        List.of(Messages.LOAD_PRIVATE.format("UserLoader", "test.Users")),
        errors(compileWithModels(users, API)));
  }

  @Test
  void handlerWithAnErrorIsTheOnlyError() {
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            import com.sun.net.httpserver.HttpExchange;
            import io.statelessauth.annotations.TokenRequired;

            public class Api {
              @TokenRequired
              private void secret(HttpExchange exchange) {}
            }
            """);
    assertEquals(
        List.of(Messages.HANDLER_PRIVATE.format("AuthenticatedApi", "Api.secret")),
        errors(compileWithModels(api)));
  }

  @Test
  void anAnnotationTypeAsALoaderIsTheOnlyErrorThoughItHasNoLoad() {
    JavaFileObject users =
        source("test.Users", "package test;\n\n@io.statelessauth.annotations.UserLoader\npublic @interface Users {}\n");
    assertEquals(
        List.of(Messages.LOADER_NOT_A_CLASS.format("UserLoader", "test.Users", "an annotation type")),
        errors(compile(TOKEN, USER, TOKENS, users)));
  }

  @Test
  void tokenLoaderWithoutALoadOrAUserLoaderCallsTheModelToken() {
    JavaFileObject tokens =
        source("test.Tokens", "package test;\n\n@io.statelessauth.annotations.TokenLoader\npublic final class Tokens {}\n");
    assertEquals(
        List.of(Messages.TOKEN_LOADER_WITHOUT_USER_LOADER.format("test.Tokens", "Token")),
        errors(compile(TOKEN, tokens)));
  }

  @Test
  void aTypeThatNeverAppearsIsNotReportedWhenAnotherMistakeWasAlready() {
    JavaFileObject broken =
        source(
            "test.Broken",
            """
            package test;

            public class Broken {
              @io.statelessauth.annotations.TokenRequired
              private void secret(com.sun.net.httpserver.HttpExchange exchange) {}
            }
            """);
    JavaFileObject waiting =
        source(
            "test.Waiting",
            """
            package test;

            public class Waiting {
              @io.statelessauth.annotations.TokenRequired
              public void secret(Missing missing) {}
            }
            """);
    List<String> errors = errors(compile(TOKEN, USER, TOKENS, USERS, broken, waiting));
    assertEquals(List.of(), errors.stream().filter(error -> error.contains("could not be resolved")).toList());
  }

  @Test
  void aManagerNameThatIsTakenIsTheOnlyErrorAndNothingIsWritten() {
    JavaFileObject taken = source("test.StatelessAuthManager", "package test;\n\nclass StatelessAuthManager {}\n");
    List<String> written = new ArrayList<>();
    Compilation compilation = compileRecordingWrites(written, TOKEN, USER, TOKENS, USERS, taken);

    assertEquals(
        List.of(Messages.NAME_TAKEN.format("test.StatelessAuthManager", "test.Tokens")),
        errors(compilation));
    assertEquals(List.of(), written);
  }

  @Test
  void aTokenLoaderWithAMistakeGetsNoManagerWrittenFromIt() {
    JavaFileObject tokens =
        source(
            "test.Tokens",
            """
            package test;

            @io.statelessauth.annotations.TokenLoader
            public final class Tokens {
              public Token load(String token) {
                return null;
              }
            }
            """);
    List<String> written = new ArrayList<>();
    Compilation compilation = compileRecordingWrites(written, TOKEN, USER, tokens, USERS);

    assertEquals(1, errors(compilation).size(), () -> errors(compilation).toString());
    assertEquals(List.of(), written);
  }

  @Test
  void aGenericLoaderWhoseLoadIsStaticGetsBothErrorsForItsTwoMistakes() {
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            public final class Users<T> {
              public static User load(Token token) {
                return null;
              }
            }
            """);
    assertEquals(
        List.of(
            Messages.LOADER_GENERIC.format("UserLoader", "test.Users"),
            Messages.LOAD_STATIC.format("UserLoader", "test.Users")),
        errors(compile(TOKEN, USER, TOKENS, users)));
  }
}
