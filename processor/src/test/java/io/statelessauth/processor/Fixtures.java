package io.statelessauth.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** Inline sources for the processor tests: a valid loader pair, and a compile helper. */
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
    List<JavaFileObject> all = new ArrayList<>(Arrays.asList(sources));
    for (JavaFileObject standard : List.of(TOKEN, USER, TOKENS, USERS)) {
      if (all.stream().noneMatch(s -> s.getName().equals(standard.getName()))) {
        all.add(standard);
      }
    }
    return javac().withProcessors(new StatelessAuthProcessor()).compile(all);
  }
}
