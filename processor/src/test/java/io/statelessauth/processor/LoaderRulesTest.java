package io.statelessauth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.statelessauth.processor.Fixtures.TOKEN;
import static io.statelessauth.processor.Fixtures.TOKENS;
import static io.statelessauth.processor.Fixtures.UNNAMED_PACKAGE_TOKENS;
import static io.statelessauth.processor.Fixtures.USER;
import static io.statelessauth.processor.Fixtures.USERS;
import static io.statelessauth.processor.Fixtures.compile;
import static io.statelessauth.processor.Fixtures.compileWithModels;
import static io.statelessauth.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import io.statelessauth.processor.base.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compile-time checks of the loaders and how they pair (README, "Compile-time checks"), one test per message. */
class LoaderRulesTest {

  /** A token loader in {@code test} whose load method is {@code body}. */
  private static JavaFileObject tokens(String body) {
    return source(
        "test.Tokens",
        """
        package test;

        import io.statelessauth.annotations.TokenLoader;

        @TokenLoader
        public final class Tokens {
        %s
        }
        """
            .formatted(body));
  }

  /** A user loader in {@code test} whose load method is {@code body}. */
  private static JavaFileObject users(String body) {
    return source(
        "test.Users",
        """
        package test;

        import io.statelessauth.annotations.UserLoader;

        @UserLoader
        public final class Users {
        %s
        }
        """
            .formatted(body));
  }

  // A loader without its partner

  @Test
  void tokenLoaderWithoutUserLoaderIsReportedOnTheTokenLoader() {
    Compilation compilation = compile(TOKEN, USER, TOKENS);
    assertThat(compilation)
        .hadErrorContaining(Messages.TOKEN_LOADER_WITHOUT_USER_LOADER.format("test.Tokens", "test.Token"))
        .inFile(TOKENS)
        .onLineContaining("public final class Tokens");
  }

  @Test
  void userLoaderWithoutTokenLoaderIsReportedOnTheUserLoader() {
    Compilation compilation = compile(TOKEN, USER, USERS);
    assertThat(compilation)
        .hadErrorContaining(Messages.USER_LOADER_WITHOUT_TOKEN_LOADER.format("test.Users"))
        .inFile(USERS)
        .onLineContaining("public final class Users");
  }

  // Two loaders of a kind

  @Test
  void secondTokenLoaderIsReportedOnEachNamingAll() {
    JavaFileObject more =
        source(
            "other.MoreTokens",
            """
            package other;

            import io.statelessauth.annotations.TokenLoader;
            import test.Token;

            @TokenLoader
            public final class MoreTokens {
              public Token load(String token, String tokenType, String authType) {
                return null;
              }
            }
            """);
    Compilation compilation = compileWithModels(more);
    String message =
        Messages.TOO_MANY_LOADERS.format(
            2, "TokenLoader", "other.MoreTokens, test.Tokens", "TokenLoader");
    assertThat(compilation).hadErrorContaining(message).inFile(more).onLineContaining("class MoreTokens");
    assertThat(compilation).hadErrorContaining(message).inFile(TOKENS).onLineContaining("class Tokens");
  }

  @Test
  void secondUserLoaderIsReportedOnEachNamingAll() {
    JavaFileObject more =
        source(
            "test.MoreUsers",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            final class MoreUsers {
              User load(Token token) {
                return null;
              }
            }
            """);
    Compilation compilation = compileWithModels(more);
    assertThat(compilation)
        .hadErrorContaining(
            Messages.TOO_MANY_LOADERS.format(2, "UserLoader", "test.MoreUsers, test.Users", "UserLoader"))
        .inFile(more)
        .onLineContaining("final class MoreUsers");
  }

  // The loader type itself

  @Test
  void loaderMayBeAnInterfaceAndTheBuilderTakesIt() {
    JavaFileObject tokens =
        source(
            "test.Tokens",
            """
            package test;

            @io.statelessauth.annotations.TokenLoader
            public interface Tokens {
              Token load(String token, String tokenType, String authType);
            }
            """);
    Compilation compilation = compileWithModels(tokens);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.StatelessAuthManager")
        .contentsAsUtf8String()
        .contains("public Builder tokenLoader(Tokens tokenLoader)");
  }

  @Test
  void loaderMayBeAnAbstractClassWithAnInheritedLoad() {
    JavaFileObject base =
        source(
            "test.UserSource",
            """
            package test;

            public interface UserSource {
              User load(Token token);
            }
            """);
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            public abstract class Users implements UserSource {
              protected abstract String describe();
            }
            """);
    Compilation compilation = compileWithModels(base, users);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.StatelessAuthManager")
        .contentsAsUtf8String()
        .contains("public Builder userLoader(Users userLoader)");
  }

  @Test
  void annotationTypeLoaderIsAnError() {
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            public @interface Users {}
            """);
    assertThat(compileWithModels(users))
        .hadErrorContaining(Messages.LOADER_NOT_A_CLASS.format("UserLoader", "test.Users", "an annotation type"))
        .inFile(users)
        .onLineContaining("public @interface Users");
  }

  @Test
  void enumLoaderIsAnError() {
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            public enum Users {
              INSTANCE;

              public User load(Token token) {
                return null;
              }
            }
            """);
    assertThat(compileWithModels(users))
        .hadErrorContaining(Messages.LOADER_NOT_A_CLASS.format("UserLoader", "test.Users", "an enum"))
        .inFile(users)
        .onLineContaining("public enum Users");
  }

  @Test
  void privateNestedLoaderIsAnError() {
    JavaFileObject holder =
        source(
            "test.Holder",
            """
            package test;

            public final class Holder {
              @io.statelessauth.annotations.UserLoader
              private static final class Users {
                public User load(Token token) {
                  return null;
                }
              }
            }
            """);
    assertThat(compile(TOKEN, USER, TOKENS, holder))
        .hadErrorContaining(Messages.LOADER_PRIVATE.format("UserLoader", "test.Holder.Users"))
        .inFile(holder)
        .onLineContaining("private static final class Users");
  }

  @Test
  void innerLoaderIsAnErrorThatAsksForStatic() {
    JavaFileObject holder =
        source(
            "test.Holder",
            """
            package test;

            public final class Holder {
              @io.statelessauth.annotations.UserLoader
              public final class Users {
                public User load(Token token) {
                  return null;
                }
              }
            }
            """);
    assertThat(compile(TOKEN, USER, TOKENS, holder))
        .hadErrorContaining(Messages.LOADER_INNER.format("UserLoader", "test.Holder.Users"))
        .inFile(holder)
        .onLineContaining("public final class Users");
  }

  @Test
  void genericLoaderIsAnError() {
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            public final class Users<X> {
              public User load(Token token) {
                return null;
              }
            }
            """);
    assertThat(compileWithModels(users))
        .hadErrorContaining(Messages.LOADER_GENERIC.format("UserLoader", "test.Users"))
        .inFile(users)
        .onLineContaining("public final class Users<X>");
  }

  // Exactly one instance method load

  @Test
  void loaderWithoutLoadIsAnErrorShowingTheExpectedMethod() {
    JavaFileObject tokens = tokens("  public Token find(String token) { return null; }");
    assertThat(compileWithModels(tokens))
        .hadErrorContaining(
            Messages.LOAD_MISSING.format("TokenLoader", "test.Tokens", "Token load(String token, String tokenType, String authType)"))
        .inFile(tokens)
        .onLineContaining("public final class Tokens");
  }

  @Test
  void loaderWithTwoLoadMethodsIsReportedOnEach() {
    JavaFileObject users =
        users(
            """
              public User load(Token token) { return null; }
              public User load(String name) { return null; }
            """);
    String message =
        Messages.LOAD_SEVERAL.format(
            2, "UserLoader", "test.Users", "load(test.Token), load(java.lang.String)");
    Compilation compilation = compileWithModels(users);
    assertThat(compilation).hadErrorContaining(message).inFile(users).onLineContaining("load(Token token)");
    assertThat(compilation).hadErrorContaining(message).inFile(users).onLineContaining("load(String name)");
  }

  @Test
  void staticLoadIsAnError() {
    JavaFileObject users = users("  public static User load(Token token) { return null; }");
    assertThat(compileWithModels(users))
        .hadErrorContaining(Messages.LOAD_STATIC.format("UserLoader", "test.Users"))
        .inFile(users)
        .onLineContaining("public static User load");
  }

  @Test
  void privateLoadIsAnError() {
    JavaFileObject users = users("  private User load(Token token) { return null; }");
    assertThat(compileWithModels(users))
        .hadErrorContaining(Messages.LOAD_PRIVATE.format("UserLoader", "test.Users"))
        .inFile(users)
        .onLineContaining("private User load");
  }

  @Test
  void genericLoadIsAnError() {
    JavaFileObject users = users("  public <X extends User> X load(Token token) { return null; }");
    assertThat(compileWithModels(users))
        .hadErrorContaining(Messages.LOAD_GENERIC.format("UserLoader", "test.Users"))
        .inFile(users)
        .onLineContaining("X load(Token token)");
  }

  // The token loader's parameters

  @Test
  void tokenLoadWithTooFewParametersIsReportedOnTheMethod() {
    JavaFileObject tokens = tokens("  public Token load(String token) { return null; }");
    assertThat(compileWithModels(tokens))
        .hadErrorContaining(
            Messages.TOKEN_LOAD_PARAMETERS.format("test.Tokens", "java.lang.String token"))
        .inFile(tokens)
        .onLineContaining("public Token load(String token)");
  }

  @Test
  void tokenLoadWithAParameterOfTheWrongTypeIsReportedOnThatParameter() {
    JavaFileObject tokens =
        tokens(
            """
              public Token load(
                  String token,
                  CharSequence tokenType,
                  String authType) {
                return null;
              }
            """);
    assertThat(compileWithModels(tokens))
        .hadErrorContaining(
            Messages.TOKEN_LOAD_PARAMETERS.format(
                "test.Tokens",
                "java.lang.String token, java.lang.CharSequence tokenType, java.lang.String authType"))
        .inFile(tokens)
        .onLineContaining("CharSequence tokenType");
  }

  // What load returns

  @Test
  void loadReturningVoidIsAnError() {
    JavaFileObject tokens =
        tokens("  public void load(String token, String tokenType, String authType) {}");
    assertThat(compileWithModels(tokens))
        .hadErrorContaining(
            Messages.LOAD_RETURNS_NON_REFERENCE.format("TokenLoader", "test.Tokens", "token model", "void"))
        .inFile(tokens)
        .onLineContaining("public void load");
  }

  @Test
  void loadReturningAPrimitiveIsAnError() {
    JavaFileObject users = users("  public long load(Token token) { return 1; }");
    assertThat(compileWithModels(users))
        .hadErrorContaining(
            Messages.LOAD_RETURNS_NON_REFERENCE.format("UserLoader", "test.Users", "user", "long"))
        .inFile(users)
        .onLineContaining("public long load");
  }

  // A user loader that accepts the token model

  @Test
  void userLoadThatDoesNotAcceptTheTokenModelNamesBothTypes() {
    JavaFileObject users =
        users(
            """
              public User load(
                  String token) {
                return null;
              }
            """);
    assertThat(compileWithModels(users))
        .hadErrorContaining(
            Messages.USER_LOAD_PARAMETER_TYPE.format(
                "test.Users", "java.lang.String", "test.Token", "test.Tokens", "test.Token"))
        .inFile(users)
        .onLineContaining("String token)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"static ", ""})
  void anInheritedLoadIsReportedOnTheLoaderThatInheritsIt(String modifier) {
    JavaFileObject base =
        source(
            "test.BaseUsers",
            """
            package test;

            public abstract class BaseUsers {
              public %sUser load(String token) {
                return null;
              }
            }
            """.formatted(modifier));
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            public final class Users extends BaseUsers {}
            """);
    String expected = modifier.isEmpty()
        ? Messages.USER_LOAD_PARAMETER_TYPE.format(
            "test.Users", "java.lang.String", "test.Token", "test.Tokens", "test.Token")
        : Messages.LOAD_STATIC.format("UserLoader", "test.Users");
    assertThat(compile(TOKEN, USER, TOKENS, base, users))
        .hadErrorContaining(expected)
        .inFile(users)
        .onLineContaining("class Users");
  }

  @Test
  void userLoadTakingASupertypeOfTheTokenModelIsAccepted() {
    JavaFileObject users =
        users("  public User load(io.statelessauth.TokenMixin token) { return null; }");
    assertThat(compileWithModels(users)).succeededWithoutWarnings();
  }

  @Test
  void userLoadWithTwoParametersIsAnError() {
    JavaFileObject users = users("  public User load(Token token, String tokenType) { return null; }");
    assertThat(compileWithModels(users))
        .hadErrorContaining(
            Messages.USER_LOAD_PARAMETER_COUNT.format(
                "test.Users", "test.Token token, java.lang.String tokenType"))
        .inFile(users)
        .onLineContaining("public User load");
  }

  // Checked exceptions from load

  @Test
  void loadDeclaringACheckedExceptionIsAnError() {
    JavaFileObject tokens =
        tokens(
            """
              public Token load(String token, String tokenType, String authType)
                  throws java.sql.SQLException {
                return null;
              }
            """);
    assertThat(compileWithModels(tokens))
        .hadErrorContaining(
            Messages.LOAD_THROWS_CHECKED.format("TokenLoader", "test.Tokens", "java.sql.SQLException"))
        .inFile(tokens)
        .onLineContaining("public Token load");
  }

  @Test
  void loadDeclaringAnUncheckedExceptionIsAccepted() {
    JavaFileObject tokens =
        tokens(
            """
              public Token load(String token, String tokenType, String authType)
                  throws io.statelessauth.StatelessAuthError {
                return null;
              }
            """);
    assertThat(compileWithModels(tokens)).succeededWithoutWarnings();
  }

  // What the generated code cannot reach

  @Test
  void userLoaderThatTheManagerCannotReachIsAnError() {
    JavaFileObject users =
        source(
            "other.Users",
            """
            package other;

            import test.Token;
            import test.User;

            @io.statelessauth.annotations.UserLoader
            final class Users {
              public User load(Token token) {
                return null;
              }
            }
            """);
    assertThat(compile(TOKEN, USER, TOKENS, users))
        .hadErrorContaining(Messages.LOADER_UNREACHABLE.format("UserLoader", "other.Users", "test"))
        .inFile(users)
        .onLineContaining("final class Users");
  }

  @Test
  void userLoaderOutOfReachOfTheUnnamedPackageNamesThatPackage() {
    JavaFileObject users =
        source(
            "other.Users",
            """
            package other;

            @io.statelessauth.annotations.UserLoader
            final class Users {
              public Object load(Object token) {
                return null;
              }
            }
            """);
    assertThat(compile(UNNAMED_PACKAGE_TOKENS, users))
        .hadErrorContaining(
            Messages.LOADER_UNREACHABLE.format("UserLoader", "other.Users", "(the unnamed package)"))
        .inFile(users)
        .onLineContaining("final class Users");
  }

  @Test
  void loadMethodThatTheManagerCannotReachIsAnError() {
    JavaFileObject users =
        source(
            "other.Users",
            """
            package other;

            import test.Token;
            import test.User;

            @io.statelessauth.annotations.UserLoader
            public final class Users {
              User load(Token token) {
                return null;
              }
            }
            """);
    assertThat(compile(TOKEN, USER, TOKENS, users))
        .hadErrorContaining(Messages.LOAD_UNREACHABLE.format("UserLoader", "other.Users", "test"))
        .inFile(users)
        .onLineContaining("User load(Token token)");
  }

  @Test
  void modelThatTheManagerCannotReachIsAnError() {
    JavaFileObject tokens =
        tokens(
            """
              private static final class Secret implements io.statelessauth.TokenMixin {}

              public Secret load(String token, String tokenType, String authType) {
                return null;
              }
            """);
    JavaFileObject users = users("  public User load(Object token) { return null; }");
    assertThat(compile(USER, tokens, users))
        .hadErrorContaining(
            Messages.MODEL_UNREACHABLE.format(
                "token model", "test.Tokens.Secret", "TokenLoader", "test.Tokens", "test"))
        .inFile(tokens)
        .onLineContaining("public Secret load");
  }

  // Generated names already taken: the manager

  @Test
  void classAlreadyNamedStatelessAuthManagerIsAnError() {
    JavaFileObject taken =
        source(
            "test.StatelessAuthManager",
            """
            package test;

            public final class StatelessAuthManager {}
            """);
    assertThat(compileWithModels(taken))
        .hadErrorContaining(Messages.NAME_TAKEN.format("test.StatelessAuthManager", "test.Tokens"))
        .inFile(TOKENS)
        .onLineContaining("public final class Tokens");
  }

  // set-up

  @Test
  void missingRuntimeIsAnErrorNamingTheDependency() throws Exception {
    java.io.File annotations =
        new java.io.File(
            io.statelessauth.annotations.TokenLoader.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    JavaFileObject token = source("test.Token", "package test; public final class Token {}");
    JavaFileObject user = source("test.User", "package test; public final class User {}");
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(new StatelessAuthProcessor())
            .withClasspath(java.util.List.of(annotations))
            .compile(token, user, TOKENS, USERS);
    assertThat(compilation)
        .hadErrorContaining(Messages.RUNTIME_MISSING.format("io.statelessauth.TokenMixin"))
        .inFile(TOKENS)
        .onLineContaining("public final class Tokens");
  }
}
