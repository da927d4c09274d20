package io.statelessauth.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Inline sources for the processor tests: a valid loader pair, the compile helpers, and the class
 * path of a user's compilation for the tests that run javac themselves.
 */
final class Fixtures {
  /** A token model that implements TokenMixin, so that scopes and expiry apply. */
  static final JavaFileObject TOKEN =
      source(
          "test.Token",
          """
          package test;

          import io.statelessauth.TokenMixin;

          public final class Token implements TokenMixin {
            public final long userId;

            public Token(long userId) {
              this.userId = userId;
            }
          }
          """);

  /** A user that implements UserMixin. */
  static final JavaFileObject USER =
      source(
          "test.User",
          """
          package test;

          import io.statelessauth.UserMixin;

          public final class User implements UserMixin {
            public final String name;

            public User(String name) {
              this.name = name;
            }
          }
          """);

  /** A token loader in the unnamed package, of {@code Object} tokens. */
  static final JavaFileObject UNNAMED_PACKAGE_TOKENS =
      source(
          "Tokens",
          """
          @io.statelessauth.annotations.TokenLoader
          public final class Tokens {
            public Object load(String token, String tokenType, String authType) {
              return null;
            }
          }
          """);

  static final JavaFileObject TOKENS =
      source(
          "test.Tokens",
          """
          package test;

          import io.statelessauth.annotations.TokenLoader;

          @TokenLoader
          public final class Tokens {
            public Token load(String token, String tokenType, String authType) {
              return token.equals("good") ? new Token(1) : null;
            }
          }
          """);

  static final JavaFileObject USERS =
      source(
          "test.Users",
          """
          package test;

          import io.statelessauth.annotations.UserLoader;

          @UserLoader
          public final class Users {
            public User load(Token token) {
              return new User("user" + token.userId);
            }
          }
          """);

  /** A handler class that uses the valid pair. */
  static final JavaFileObject API =
      source(
          "test.Api",
          """
          package test;

          import com.sun.net.httpserver.HttpExchange;
          import io.statelessauth.annotations.TokenRequired;
          import java.io.IOException;

          public class Api {
            @TokenRequired
            public void secret(HttpExchange exchange, User user) throws IOException {}
          }
          """);

  private Fixtures() {}

  /**
   * {@code test.Api} with {@code body} as its members; it imports {@code HttpExchange}, {@code
   * TokenRequired}, {@code IOException}, {@code Optional} and {@code UserMixin}.
   */
  static JavaFileObject api(String body) {
    return source(
        "test.Api",
        """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.UserMixin;
        import io.statelessauth.annotations.TokenRequired;
        import java.io.IOException;
        import java.util.Optional;

        public class Api {
        %s
        }
        """
            .formatted(body));
  }

  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** Compiles {@code sources} with the processor. */
  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new StatelessAuthProcessor()).compile(sources);
  }

  /** Compiles {@code sources} beside the models and loaders that are not replaced by one of them. */
  static Compilation compileWithModels(JavaFileObject... sources) {
    return javac().withProcessors(new StatelessAuthProcessor()).compile(withModels(Arrays.asList(sources)));
  }

  /** {@code sources} followed by the standard models and loaders that none of them replaces (by name). */
  static List<JavaFileObject> withModels(List<JavaFileObject> sources) {
    List<JavaFileObject> all = new ArrayList<>(sources);
    for (JavaFileObject standard : List.of(TOKEN, USER, TOKENS, USERS)) {
      if (all.stream().noneMatch(s -> s.getName().equals(standard.getName()))) {
        all.add(standard);
      }
    }
    return all;
  }

  /**
   * The annotations' and the runtime's jars or class directories, as a user's compile class path
   * holds them, for the tests that run javac themselves.
   */
  static String userClassPath() {
    return Stream.of(io.statelessauth.annotations.TokenLoader.class, io.statelessauth.TokenMixin.class)
        .map(type -> {
          try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
          } catch (URISyntaxException e) {
            throw new AssertionError(e);
          }
        })
        .collect(Collectors.joining(File.pathSeparator));
  }
}
