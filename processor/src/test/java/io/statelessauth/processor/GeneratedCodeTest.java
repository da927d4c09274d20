package io.statelessauth.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.statelessauth.processor.Fixtures.API;
import static io.statelessauth.processor.Fixtures.TOKEN;
import static io.statelessauth.processor.Fixtures.TOKENS;
import static io.statelessauth.processor.Fixtures.USER;
import static io.statelessauth.processor.Fixtures.USERS;
import static io.statelessauth.processor.Fixtures.compileWithModels;
import static io.statelessauth.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generated code looks like, and that it compiles cleanly. */
class GeneratedCodeTest {
  /**
   * Every lint but "processing", which warns about each annotation no processor claims (ours, and
   * {@code @Generated} in any processor's output). The processor does not claim its annotations, so
   * that processors supporting {@code "*"} still see the round; -Werror users turn it off.
   */
  static final String LINT_ALL = "-Xlint:all,-processing";

  /** Handlers of every shape: parameters in any order, a route with values, a static one. */
  static final JavaFileObject ROUTES =
      source(
          "test.Routes",
          """
          package test;

          import com.sun.net.httpserver.HttpExchange;
          import io.statelessauth.annotations.TokenRequired;
          import java.io.IOException;

          public class Routes {
            @TokenRequired(tokenType = "refresh", authType = "Basic", scopes = {"read", "write"})
            public void refresh(User user, HttpExchange exchange, Token token) throws IOException {}

            @TokenRequired
            static void ping(HttpExchange exchange) {}

            @TokenRequired
            void nothing() {}
          }
          """);

  /** An HttpHandler whose own handle is protected. */
  static final JavaFileObject WHOAMI =
      source(
          "test.Whoami",
          """
          package test;

          import com.sun.net.httpserver.HttpExchange;
          import com.sun.net.httpserver.HttpHandler;
          import io.statelessauth.annotations.TokenRequired;
          import java.io.IOException;

          public final class Whoami implements HttpHandler {
            @TokenRequired
            @Override
            public void handle(HttpExchange exchange) throws IOException {}
          }
          """);

  /** A static nested handler class. */
  static final JavaFileObject OUTER =
      source(
          "test.Outer",
          """
          package test;

          import com.sun.net.httpserver.HttpExchange;
          import io.statelessauth.annotations.TokenRequired;

          public class Outer {
            public static class Inner {
              @TokenRequired
              void secret(HttpExchange exchange, io.statelessauth.TokenMixin token) {}
            }
          }
          """);

  /** A handler class in another package than the loaders. */
  static final JavaFileObject PAGES =
      source(
          "web.Pages",
          """
          package web;

          import com.sun.net.httpserver.HttpExchange;
          import io.statelessauth.annotations.TokenRequired;
          import test.User;

          class Pages {
            @TokenRequired
            void home(HttpExchange exchange, User user) {}
          }
          """);

  private static String generated(Compilation compilation, String qualifiedName) {
    try {
      return compilation
          .generatedSourceFile(qualifiedName)
          .orElseThrow(() -> new AssertionError(qualifiedName + " was not generated"))
          .getCharContent(false)
          .toString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Compiles {@code sources} with the processor under {@code -Xlint:all -Werror}. */
  private static Compilation compileUnderLintAllWerror(JavaFileObject... sources) {
    return javac().withProcessors(new StatelessAuthProcessor()).withOptions(LINT_ALL, "-Werror").compile(sources);
  }

  @Test
  void realisticInputCompilesWithoutWarningsUnderLintAllWerror() {
    Compilation compilation = compileUnderLintAllWerror(realisticInput().toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void underEveryLintTheOnlyWarningIsThatNoProcessorClaimedTheAnnotations() {
    Compilation compilation =
        javac()
            .withProcessors(new StatelessAuthProcessor())
            .withOptions("-Xlint:all")
            .compile(realisticInput());
    assertThat(compilation).succeeded();
    assertThat(compilation.warnings()).isNotEmpty();
    for (var warning : compilation.warnings()) {
      assertThat(warning.getMessage(null)).startsWith("No processor claimed any of these annotations");
    }
  }

  @Test
  void managerExtendsTheRuntimeBaseTypedToThePairAndCallsTheLoadersDirectly() {
    String manager = generated(compileWithModels(API), "test.StatelessAuthManager");
    assertThat(manager)
        .contains(
            "public final class StatelessAuthManager extends AbstractStatelessAuthManager<Token, User> {");
    assertThat(manager).contains("return tokenLoader.load(token, tokenType, authType);");
    assertThat(manager).contains("return userLoader.load(token);");
  }

  @Test
  void builderExtendsTheRuntimesBuilderAddingOnlyLoaderSettersTakingTheConcreteClassesAndBuild() {
    String manager = generated(compileWithModels(API), "test.StatelessAuthManager");
    assertThat(manager).contains("public static final class Builder extends ManagerBuilder<Builder> {");
    assertThat(manager).contains("public Builder tokenLoader(Tokens tokenLoader) {");
    assertThat(manager).contains("public Builder userLoader(Users userLoader) {");
    assertThat(manager).doesNotContain("config(");
    assertThat(manager).doesNotContain("cache(");
    assertThat(manager)
        .contains(
            "throw new IllegalStateException(\"tokenLoader(Tokens) was not called: StatelessAuthManager needs the @TokenLoader\");");
  }

  @Test
  void currentUserIsTypedToTheUserLoadersReturnType() {
    String manager = generated(compileWithModels(API), "test.StatelessAuthManager");
    assertThat(manager).contains("public static User currentUser() {");
    assertThat(manager).contains("return (User) CurrentStatelessUser.get();");
  }

  @Test
  void managerTellsTheRuntimeThatBothModelsImplementTheMixins() {
    String manager = generated(compileWithModels(API), "test.StatelessAuthManager");
    assertThat(manager)
        .contains("super(ModelMixins.TOKEN_AND_USER, builder);");
  }

  @Test
  void managerTellsTheRuntimeThatNeitherModelImplementsAMixin() {
    JavaFileObject token =
        source(
            "test.Token",
            """
            package test;

            public final class Token {
              public final long userId;

              public Token(long userId) {
                this.userId = userId;
              }
            }
            """);
    JavaFileObject user = source("test.User", "package test;\n\npublic final class User {\n  public User(String name) {}\n}");
    String manager = generated(compileWithModels(token, user, API), "test.StatelessAuthManager");
    assertThat(manager).contains("super(ModelMixins.NONE, builder);");
  }

  @Test
  void managerTellsTheRuntimeWhichSingleModelImplementsAMixin() {
    JavaFileObject plainToken = source("test.Token",
        "package test;\n\npublic final class Token {\n  public final long userId;\n\n"
            + "  public Token(long userId) {\n    this.userId = userId;\n  }\n}");
    JavaFileObject plainUser = source("test.User", "package test;\n\npublic final class User {\n  public User(String name) {}\n}");

    assertThat(generated(compileWithModels(plainUser, API), "test.StatelessAuthManager"))
        .contains("super(ModelMixins.TOKEN, builder);");
    assertThat(generated(compileWithModels(plainToken, API), "test.StatelessAuthManager"))
        .contains("super(ModelMixins.USER, builder);");
  }

  @Test
  void eachHandlerIsBuiltOnceInTheConstructorAndReturnedByItsAccessor() {
    String api = generated(compileWithModels(API), "test.AuthenticatedApi");
    assertThat(api).contains("public AuthenticatedApi(Api target, StatelessAuthManager manager) {");
    assertThat(api)
        .contains("this.secret = manager.handler(manager.route().build(),\n"
            + "        (exchange, token, user) -> target.secret(exchange, user));");
    assertThat(api).contains("public HttpHandler secret() {\n    return secret;\n  }");
  }

  @Test
  void parametersAreInjectedInTheOrderTheHandlerDeclaresThem() {
    String routes = generated(compileWithModels(ROUTES), "test.AuthenticatedRoutes");
    assertThat(routes).contains("(exchange, token, user) -> target.refresh(user, exchange, token));");
    assertThat(routes).contains("(exchange, token, user) -> target.nothing());");
    assertThat(routes).doesNotContain("(User)");
    assertThat(routes).doesNotContain("Object,");
  }

  @Test
  void routeValuesArePassedToTheManager() {
    String routes = generated(compileWithModels(ROUTES), "test.AuthenticatedRoutes");
    assertThat(routes)
        .contains("manager.route().tokenType(\"refresh\").authType(\"Basic\").scopes(\"read\", \"write\").build(),");
  }

  @Test
  void staticHandlerIsCalledOnItsClass() {
    String routes = generated(compileWithModels(ROUTES), "test.AuthenticatedRoutes");
    assertThat(routes).contains("this.ping = manager.handler(manager.route().build(),\n"
        + "        (exchange, token, user) -> Routes.ping(exchange));");
  }

  @Test
  void httpHandlerWithAnnotatedHandleGivesAnHttpHandler() {
    String whoami = generated(compileWithModels(WHOAMI), "test.AuthenticatedWhoami");
    assertThat(whoami).contains("public final class AuthenticatedWhoami implements HttpHandler {");
    assertThat(whoami).contains("public void handle(HttpExchange exchange) throws IOException {");
    assertThat(whoami).contains("public HttpHandler handle() {");
  }

  @Test
  void onlyAnAnnotatedHandleOfExactlyTheExchangeInAnHttpHandlerGivesAnHttpHandler() {
    JavaFileObject notAHandler =
        source(
            "test.NotAHandler",
            """
            package test;

            import com.sun.net.httpserver.HttpExchange;
            import io.statelessauth.annotations.TokenRequired;

            public final class NotAHandler {
              @TokenRequired
              public void handle(HttpExchange exchange) {}
            }
            """);
    JavaFileObject otherName =
        source(
            "test.OtherName",
            """
            package test;

            import com.sun.net.httpserver.HttpExchange;
            import com.sun.net.httpserver.HttpHandler;
            import io.statelessauth.annotations.TokenRequired;

            public final class OtherName implements HttpHandler {
              @Override
              public void handle(HttpExchange exchange) {}

              @TokenRequired
              public void other(HttpExchange exchange) {}
            }
            """);
    JavaFileObject otherParameter =
        source(
            "test.OtherParameter",
            """
            package test;

            import com.sun.net.httpserver.HttpExchange;
            import com.sun.net.httpserver.HttpHandler;
            import io.statelessauth.annotations.TokenRequired;

            public final class OtherParameter implements HttpHandler {
              @Override
              public void handle(HttpExchange exchange) {}

              @TokenRequired
              public void handle(User user) {}
            }
            """);
    Compilation compilation = compileWithModels(notAHandler, otherName, otherParameter);

    assertThat(compilation).succeededWithoutWarnings();
    for (String name : List.of("NotAHandler", "OtherName", "OtherParameter")) {
      assertThat(generated(compilation, "test.Authenticated" + name))
          .contains("public final class Authenticated" + name + " {");
    }
  }

  @Test
  void handlersAreGeneratedInTheOrderOfTheirNamesWhateverTheirOrderInTheSource() {
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            import com.sun.net.httpserver.HttpExchange;
            import io.statelessauth.annotations.TokenRequired;

            class Api {
              @TokenRequired
              void zebra(HttpExchange exchange) {}

              @TokenRequired
              void apple(HttpExchange exchange) {}

              @TokenRequired
              void mango(HttpExchange exchange) {}
            }
            """);
    String generated = generated(compileWithModels(api), "test.AuthenticatedApi");

    int apple = generated.indexOf("public HttpHandler apple()");
    int mango = generated.indexOf("public HttpHandler mango()");
    int zebra = generated.indexOf("public HttpHandler zebra()");
    assertThat(apple).isGreaterThan(0);
    assertThat(apple).isLessThan(mango);
    assertThat(mango).isLessThan(zebra);
  }

  @Test
  void plainModelsGiveGeneratedCodeWithoutSuppressedWarnings() {
    Compilation compilation = compileUnderLintAllWerror(TOKEN, USER, TOKENS, USERS, API);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "test.StatelessAuthManager")).doesNotContain("@SuppressWarnings");
    assertThat(generated(compilation, "test.AuthenticatedApi")).doesNotContain("@SuppressWarnings");
  }

  @Test
  void aRawTypeInTheTokenModelAloneIsSuppressedToo() {
    JavaFileObject tokens =
        source(
            "test.Tokens",
            """
            package test;

            import java.util.List;

            @io.statelessauth.annotations.TokenLoader
            @SuppressWarnings("rawtypes")
            public final class Tokens {
              public List load(String token, String tokenType, String authType) {
                return List.of();
              }
            }
            """);
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            import java.util.List;

            @io.statelessauth.annotations.UserLoader
            public final class Users {
              public User load(List<?> token) {
                return null;
              }
            }
            """);
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            class Api {
              @io.statelessauth.annotations.TokenRequired
              void secret(User user) {}
            }
            """);
    Compilation compilation = compileUnderLintAllWerror(USER, tokens, users, api);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void httpHandlerWhoseAnnotatedMethodsAreNotItsHandleGivesNoHttpHandler() {
    JavaFileObject overloads =
        source(
            "test.Overloads",
            """
            package test;

            import com.sun.net.httpserver.HttpExchange;
            import com.sun.net.httpserver.HttpHandler;
            import io.statelessauth.annotations.TokenRequired;
            import java.io.IOException;

            public final class Overloads implements HttpHandler {
              @Override
              public void handle(HttpExchange exchange) throws IOException {}

              @TokenRequired
              public void handle(HttpExchange exchange, User user) throws IOException {}

              @TokenRequired
              public static void handle2(HttpExchange exchange) throws IOException {}
            }
            """);
    Compilation compilation = compileWithModels(overloads);

    assertThat(compilation).succeededWithoutWarnings();
    String generated = generated(compilation, "test.AuthenticatedOverloads");
    assertThat(generated).contains("public final class AuthenticatedOverloads {");
    assertThat(generated).doesNotContain("implements HttpHandler");
    assertThat(generated).contains("public HttpHandler handle() {");
  }

  @Test
  void nestedHandlerClassGetsTheOuterNamesJoinedByUnderscores() {
    String inner = generated(compileWithModels(OUTER), "test.AuthenticatedOuter_Inner");
    assertThat(inner).contains("public AuthenticatedOuter_Inner(Outer.Inner target, StatelessAuthManager manager) {");
  }

  @Test
  void handlerInAnotherPackageGetsAClassAsVisibleAsItself() {
    String pages = generated(compileWithModels(PAGES), "web.AuthenticatedPages");
    assertThat(pages).contains("import test.StatelessAuthManager;");
    assertThat(pages).contains("\nfinal class AuthenticatedPages {");
  }

  @Test
  void everyGeneratedTypeIsMarkedGeneratedByTheProcessor() {
    Compilation compilation = compileWithModels(API);
    String mark = "@Generated(\"io.statelessauth.processor.StatelessAuthProcessor\")";
    assertThat(generated(compilation, "test.StatelessAuthManager")).contains(mark);
    assertThat(generated(compilation, "test.AuthenticatedApi")).contains(mark);
  }

  @Test
  void namedModuleThatDoesNotReadJavaCompilerGetsNoGeneratedAnnotation(@TempDir Path dir)
      throws Exception {
    String manager = compileModule(dir, "requires jdk.httpserver;");
    assertThat(manager).doesNotContain("@Generated");
  }

  @Test
  void namedModuleThatReadsJavaCompilerGetsTheGeneratedAnnotation(@TempDir Path dir)
      throws Exception {
    String manager = compileModule(dir, "requires jdk.httpserver; requires static java.compiler;");
    assertThat(manager).contains("@Generated(");
  }

  @Test
  void namedModuleThatReadsJavaCompilerThroughATransitiveRequiresGetsTheGeneratedAnnotation(
      @TempDir Path dir) throws Exception {
    String manager = compileModule(dir, "requires jdk.httpserver; requires java.se;");
    assertThat(manager).contains("@Generated(");
  }

  @Test
  void namedModuleWhoseDependencyRequiresJavaCompilerWithoutPassingItOnGetsNoGeneratedAnnotation(
      @TempDir Path dir) throws Exception {
    // jdk.jdeps requires java.compiler, but not transitively: test.app does not read it.
    String manager = compileModule(dir, "requires jdk.httpserver; requires jdk.jdeps;");
    assertThat(manager).doesNotContain("@Generated");
  }

  /**
   * Compiles the standard sources on disk as module {@code test.app} with these {@code requires}
   * (compile-testing's in-memory files cannot hold a module), and returns the generated manager.
   */
  private static String compileModule(Path dir, String requires) throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src/test"));
    Files.writeString(
        dir.resolve("src/module-info.java"),
        "module test.app { %s requires io.statelessauth.runtime; requires static io.statelessauth.annotations; }"
            .formatted(requires));
    List<Path> files = new ArrayList<>(List.of(dir.resolve("src/module-info.java")));
    for (JavaFileObject source : List.of(TOKEN, USER, TOKENS, USERS, API)) {
      Path file = sources.resolve(Path.of(source.getName()).getFileName());
      Files.writeString(file, source.getCharContent(false));
      files.add(file);
    }
    String modulePath =
        Stream.of(io.statelessauth.annotations.TokenLoader.class, io.statelessauth.TokenMixin.class)
            .map(GeneratedCodeTest::location)
            .collect(Collectors.joining(File.pathSeparator));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task =
          compiler.getTask(
              null,
              fileManager,
              diagnostics,
              List.of(
                  "--module-path", modulePath,
                  "-d", Files.createDirectories(dir.resolve("classes")).toString(),
                  "-s", Files.createDirectories(dir.resolve("generated")).toString()),
              null,
              fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new StatelessAuthProcessor()));
      assertThat(task.call()).isTrue();
    }
    assertThat(diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList())
        .isEmpty();
    return Files.readString(dir.resolve("generated/test/StatelessAuthManager.java"));
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void genericUserTypeCompilesWithoutWarnings() {
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            import java.util.Map;

            @io.statelessauth.annotations.UserLoader
            public final class Users {
              public Map<String, Object> load(Token token) {
                return Map.of("id", token.userId);
              }
            }
            """);
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            import java.util.Map;

            class Api {
              @io.statelessauth.annotations.TokenRequired
              void secret(Map<String, ?> user) {}
            }
            """);
    Compilation compilation = compileUnderLintAllWerror(TOKEN, TOKENS, users, api);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "test.StatelessAuthManager"))
        .contains("@SuppressWarnings(\"unchecked\")\n  public static Map<String, Object> currentUser() {");
  }

  @Test
  void rawModelTypeTheUserSuppressedCompilesWithoutWarnings() {
    JavaFileObject tokens =
        source(
            "test.Tokens",
            """
            package test;

            import java.util.List;

            @io.statelessauth.annotations.TokenLoader
            @SuppressWarnings("rawtypes")
            public final class Tokens {
              public List load(String token, String tokenType, String authType) {
                return List.of();
              }
            }
            """);
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            @SuppressWarnings("rawtypes")
            public final class Users {
              public User load(java.util.List token) {
                return new User("raw");
              }
            }
            """);
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            @SuppressWarnings("rawtypes")
            class Api {
              @io.statelessauth.annotations.TokenRequired
              void secret(java.util.List token) {}
            }
            """);
    Compilation compilation = compileUnderLintAllWerror(USER, tokens, users, api);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void userTypeWithABoundedWildcardCompilesWithoutWarnings() {
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            import java.util.List;

            @io.statelessauth.annotations.UserLoader
            public final class Users {
              public List<? extends Number> load(Token token) {
                return List.of(token.userId);
              }
            }
            """);
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            import java.util.List;

            class Api {
              @io.statelessauth.annotations.TokenRequired
              void secret(List<? extends Number> user) {}
            }
            """);
    Compilation compilation = compileUnderLintAllWerror(TOKEN, TOKENS, users, api);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void rawTypeInsideAWildcardOrAnArrayOfTheModelsCompilesWithoutWarnings() {
    JavaFileObject tokens =
        source(
            "test.Tokens",
            """
            package test;

            import java.util.List;

            @io.statelessauth.annotations.TokenLoader
            @SuppressWarnings("rawtypes")
            public final class Tokens {
              public List<? extends List> load(String token, String tokenType, String authType) {
                return List.of();
              }
            }
            """);
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            import java.util.List;

            @io.statelessauth.annotations.UserLoader
            @SuppressWarnings("rawtypes")
            public final class Users {
              public List[] load(List<? extends List> token) {
                return new List[0];
              }
            }
            """);
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            @SuppressWarnings("rawtypes")
            class Api {
              @io.statelessauth.annotations.TokenRequired
              void secret(java.util.List[] user) {}
            }
            """);
    Compilation compilation = compileUnderLintAllWerror(tokens, users, api);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void innerClassOfAGenericClassNamedWithoutArgumentsAsTheUserCompilesWithoutWarnings() {
    JavaFileObject sessions =
        source(
            "test.Sessions",
            """
            package test;

            public class Sessions<T> {
              public class Member {}
            }
            """);
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            @SuppressWarnings("rawtypes")
            public final class Users {
              public Sessions.Member load(Token token) {
                return null;
              }
            }
            """);
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            @SuppressWarnings("rawtypes")
            class Api {
              @io.statelessauth.annotations.TokenRequired
              void secret(Sessions.Member user) {}
            }
            """);
    Compilation compilation = compileUnderLintAllWerror(TOKEN, TOKENS, sessions, users, api);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void genericHandlerClassIsTakenWithAWildcardForEachTypeParameter() {
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            class Api<T, U extends Number> {
              @io.statelessauth.annotations.TokenRequired
              void secret(User user) {}
            }
            """);
    Compilation compilation = compileUnderLintAllWerror(TOKEN, USER, TOKENS, USERS, api);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "test.AuthenticatedApi"))
        .contains("AuthenticatedApi(Api<?, ?> target, StatelessAuthManager manager) {");
  }

  @Test
  void userOfTypeObjectIsReturnedWithoutACast() {
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            public final class Users {
              public Object load(Token token) {
                return token;
              }
            }
            """);
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            class Api {
              @io.statelessauth.annotations.TokenRequired
              void secret(com.sun.net.httpserver.HttpExchange exchange) {}
            }
            """);
    Compilation compilation = compileUnderLintAllWerror(TOKEN, TOKENS, users, api);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "test.StatelessAuthManager")).contains("return CurrentStatelessUser.get();");
  }

  @Test
  void outputDoesNotDependOnTheOrderOfTheSources() {
    Map<String, String> first = allGenerated(compileWithModels(API, ROUTES, WHOAMI, OUTER, PAGES));
    Map<String, String> second = allGenerated(compileWithModels(PAGES, OUTER, WHOAMI, ROUTES, API));
    assertThat(first).hasSize(6);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void gradleIsToldTheProcessorIsAggregating() throws IOException {
    try (InputStream in =
        StatelessAuthProcessor.class.getResourceAsStream(
            "/META-INF/gradle/incremental.annotation.processors")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
          .isEqualTo("io.statelessauth.processor.StatelessAuthProcessor,aggregating");
    }
  }

  private static Map<String, String> allGenerated(Compilation compilation) {
    assertThat(compilation).succeeded();
    Map<String, String> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      try {
        files.put(file.getName(), file.getCharContent(false).toString());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return files;
  }

  static List<JavaFileObject> realisticInput() {
    return List.of(TOKEN, USER, TOKENS, USERS, API, ROUTES, WHOAMI, OUTER, PAGES);
  }
}
