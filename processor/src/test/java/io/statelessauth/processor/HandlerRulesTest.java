package io.statelessauth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.statelessauth.processor.Fixtures.api;
import static io.statelessauth.processor.Fixtures.compile;
import static io.statelessauth.processor.Fixtures.compileWithModels;
import static io.statelessauth.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The compile-time checks of the {@code @TokenRequired} handlers. */
class HandlerRulesTest {
  private static final String INJECTABLE = "A @TokenRequired method takes, in any order, any of: "
      + "com.sun.net.httpserver.HttpExchange, the user test.User (or a supertype), the "
      + "token model test.Token (or a supertype)";


  // Handlers but no loaders

  @Test
  void handlerWithoutAnyLoaderIsReportedOnTheHandler() {
    JavaFileObject api = api("  @TokenRequired\n  void secret(HttpExchange exchange) {}");
    assertThat(compile(api))
        .hadErrorContaining("@TokenRequired method Api.secret needs a @TokenLoader class and a @UserLoader "
            + "class in the same compilation, but there are none. Add both (see their javadoc)")
        .inFile(api)
        .onLineContaining("void secret");
  }

  // What the generated code cannot reach

  @Test
  void handlerInANamedPackageCannotUseAManagerInTheUnnamedPackage() {
    JavaFileObject token = source("Token", "public final class Token {}");
    JavaFileObject user = source("User", "public final class User {}");
    JavaFileObject tokens =
        source(
            "Tokens",
            """
            @io.statelessauth.annotations.TokenLoader
            public final class Tokens {
              public Token load(String token, String tokenType, String authType) {
                return null;
              }
            }
            """);
    JavaFileObject users =
        source(
            "Users",
            """
            @io.statelessauth.annotations.UserLoader
            public final class Users {
              public User load(Token token) {
                return null;
              }
            }
            """);
    JavaFileObject api =
        source(
            "web.Api",
            """
            package web;

            public class Api {
              @io.statelessauth.annotations.TokenRequired
              void secret(com.sun.net.httpserver.HttpExchange exchange) {}
            }
            """);
    assertThat(compile(token, user, tokens, users, api))
        .hadErrorContaining(
            "AuthenticatedApi in package web cannot refer to StatelessAuthManager, which is "
                + "generated in the unnamed package beside @TokenLoader class Tokens. Move Tokens "
                + "into a named package")
        .inFile(api)
        .onLineContaining("public class Api");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Named                           | Api.Member                 | test.Api.Named",
        "Named[]                         | Api.Member[]               | test.Api.Named[]",
        "java.util.List<? extends Named> | java.util.List<Api.Member> | java.util.List<? extends test.Api.Named>"
      })
  void parameterTypeTheWrapperCannotNameIsAnError(String parameter, String user, String reported) {
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            public class Api {
              private interface Named {}

              public static final class Member implements Named {}

              @io.statelessauth.annotations.TokenRequired
              void secret(
                  %s named) {}
            }
            """.formatted(parameter));
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            public final class Users {
              public %s load(Token token) {
                return null;
              }
            }
            """.formatted(user));
    assertThat(compileWithModels(api, users))
        .hadErrorContaining("Parameter named of @TokenRequired method Api.secret has type "
            + reported
            + ", which the generated AuthenticatedApi cannot reach. Make that type "
            + "package-private or public")
        .inFile(api)
        .onLineContaining(" named)");
  }

  // Where a handler may be

  @Test
  void privateHandlerIsAnError() {
    JavaFileObject api = api("  @TokenRequired\n  private void secret(HttpExchange exchange) {}");
    assertThat(compileWithModels(api))
        .hadErrorContaining("@TokenRequired methods must not be private: the generated AuthenticatedApi "
            + "calls Api.secret. Make it package-private or public")
        .inFile(api)
        .onLineContaining("private void secret");
  }

  @Test
  void abstractHandlerIsAnError() {
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            public abstract class Api {
              @io.statelessauth.annotations.TokenRequired
              abstract void secret(com.sun.net.httpserver.HttpExchange exchange);
            }
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining("@TokenRequired methods must not be abstract: Api.secret has no body to call. "
            + "Annotate the method that implements it instead")
        .inFile(api)
        .onLineContaining("abstract void secret");
  }

  @Test
  void handlerInAPrivateClassIsReportedOnThatClass() {
    JavaFileObject api =
        api(
            """
              private static final class Hidden {
                @TokenRequired
                void secret(HttpExchange exchange) {}
              }
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining(
            "@TokenRequired methods must not be in a private class: the generated "
                + "AuthenticatedApi_Hidden cannot reach test.Api.Hidden. Make Hidden "
                + "package-private or public")
        .inFile(api)
        .onLineContaining("private static final class Hidden");
  }

  @Test
  void handlerInAnInnerClassIsReportedOnThatClass() {
    JavaFileObject api =
        api(
            """
              final class Inner {
                @TokenRequired
                void secret(HttpExchange exchange) {}
              }
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining("@TokenRequired methods must not be in an inner class: test.Api.Inner needs an "
            + "instance of its enclosing class. Make Inner static")
        .inFile(api)
        .onLineContaining("final class Inner");
  }

  @Test
  void handlerInALocalClassIsAnError() {
    JavaFileObject api =
        api(
            """
              void wire() {
                class Local {
                  @TokenRequired
                  void secret(HttpExchange exchange) {}
                }
              }
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining("@TokenRequired methods must not be in a local or anonymous class (local class "
            + "Local): no generated class can reach it. Move the method to a top-level or "
            + "static nested class")
        .inFile(api)
        .onLineContaining("void secret");
  }

  @Test
  void handlerInAnAnonymousClassIsAnError() {
    JavaFileObject api =
        api(
            """
              Object handler =
                  new Object() {
                    @TokenRequired
                    void secret(HttpExchange exchange) {}
                  };
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining("@TokenRequired methods must not be in a local or anonymous class (an anonymous "
            + "class): no generated class can reach it. Move the method to a top-level or "
            + "static nested class")
        .inFile(api)
        .onLineContaining("void secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "import io.statelessauth.annotations.*;\n\nclass Api {\n  void wire() {\n    class Local {\n      @TokenRequired",
      "class Api {\n  void wire() {\n    class Local {\n      @io.statelessauth.annotations.TokenRequired"})
  void handlerInALocalClassIsAnErrorHoweverTheAnnotationIsNamed(String start) {
    JavaFileObject api =
        source("test.Api", "package test;\n\n" + start + "\n      void secret(com.sun.net.httpserver.HttpExchange exchange) {}\n    }\n  }\n}\n");
    assertThat(compileWithModels(api))
        .hadErrorContaining("@TokenRequired methods must not be in a local or anonymous class (local class "
            + "Local): no generated class can reach it. Move the method to a top-level or "
            + "static nested class")
        .inFile(api)
        .onLineContaining("void secret");
  }

  @Test
  void handlerInALocalClassIsAnErrorInTheAnnotationsOwnPackageWithoutAnImport() {
    JavaFileObject api =
        source(
            "io.statelessauth.annotations.Api",
            """
            package io.statelessauth.annotations;

            class Api {
              void wire() {
                class Local {
                  @TokenRequired
                  void secret(com.sun.net.httpserver.HttpExchange exchange) {}
                }
              }
            }
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining("@TokenRequired methods must not be in a local or anonymous class (local class "
            + "Local): no generated class can reach it. Move the method to a top-level or "
            + "static nested class")
        .inFile(api)
        .onLineContaining("void secret");
  }

  @Test
  void otherAnnotationsOnAMethodOfALocalClassAreNotReported() {
    JavaFileObject own = source("other.TokenRequired", "package other;\n\npublic @interface TokenRequired {}\n");
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            import other.TokenRequired;

            class Api {
              void wire() {
                class Local {
                  @TokenRequired
                  @Deprecated
                  void secret() {}
                }
              }
            }
            """);
    assertThat(compileWithModels(own, api)).succeeded();
  }

  @ParameterizedTest
  @ValueSource(strings = {"interface", "enum", "record", "@interface"})
  void handlerClassNestedInAnyKindOfTypeIsNoLocalClass(String kind) {
    String header = kind.equals("record") ? "record Outer()" : kind + " Outer";
    String body = kind.equals("enum") ? "  ONE;\n\n" : "";
    JavaFileObject outer =
        source(
            "test.Outer",
            "package test;\n\npublic " + header + " {\n" + body
                + "  public static class Api {\n"
                + "    @io.statelessauth.annotations.TokenRequired\n"
                + "    public void secret(com.sun.net.httpserver.HttpExchange exchange) {}\n"
                + "  }\n}\n");
    assertThat(compileWithModels(outer)).succeededWithoutWarnings();
  }

  @Test
  void genericHandlerIsAnError() {
    JavaFileObject api = api("  @TokenRequired\n  <X> void secret(HttpExchange exchange) {}");
    assertThat(compileWithModels(api))
        .hadErrorContaining("@TokenRequired method Api.secret must not declare type parameters: the "
            + "generated code calls it with the injected values. Remove them")
        .inFile(api)
        .onLineContaining("<X> void secret");
  }

  // Handler parameters

  @Test
  void parameterThatCannotBeInjectedListsWhatCan() {
    JavaFileObject api =
        api(
            """
              @TokenRequired
              void secret(
                  HttpExchange exchange,
                  String name) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining(
            "Parameter name of @TokenRequired method Api.secret cannot be injected: nothing "
                + "passed in is a java.lang.String. "
                + INJECTABLE)
        .inFile(api)
        .onLineContaining("String name");
  }

  @Test
  void parameterThatAcceptsBothUserAndTokenIsAmbiguous() {
    JavaFileObject api =
        api(
            """
              @TokenRequired
              void secret(
                  Object principal) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining(
            "Parameter principal of @TokenRequired method Api.secret is ambiguous: "
                + "java.lang.Object accepts the HttpExchange, the user test.User and the token "
                + "model test.Token. Declare it as exactly one of them. "
                + INJECTABLE)
        .inFile(api)
        .onLineContaining("Object principal");
  }

  @Test
  void parameterThatRepeatsAnInjectedValueIsAnError() {
    JavaFileObject api =
        api(
            """
              @TokenRequired
              void secret(
                  User from,
                  User to) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining("Parameter to of @TokenRequired method Api.secret repeats the user, already "
            + "passed as from. Take each at most once")
        .inFile(api)
        .onLineContaining("User to");
  }

  @Test
  void primitiveParameterCannotBeInjected() {
    JavaFileObject api =
        api(
            """
              @TokenRequired
              void secret(
                  int id) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining(
            "Parameter id of @TokenRequired method Api.secret cannot be injected: nothing "
                + "passed in is a int. "
                + INJECTABLE)
        .inFile(api)
        .onLineContaining("int id");
  }

  // What a handler returns

  @Test
  void handlerReturningAValueIsAnError() {
    JavaFileObject api =
        api("  @TokenRequired\n  String secret(HttpExchange exchange) {\n    return \"\";\n  }");
    assertThat(compileWithModels(api))
        .hadErrorContaining("@TokenRequired method Api.secret must return void, not java.lang.String: it "
            + "writes its response to the HttpExchange")
        .inFile(api)
        .onLineContaining("String secret");
  }

  // What a handler throws

  @Test
  void handlerDeclaringACheckedExceptionOtherThanIoExceptionIsAnError() {
    JavaFileObject api =
        api(
            """
              @TokenRequired
              void secret(HttpExchange exchange) throws IOException, java.sql.SQLException {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining(
            "@TokenRequired method Api.secret must not declare the checked exception "
                + "java.sql.SQLException: only IOException and its subclasses may be thrown. Catch "
                + "it, or rethrow it as StatelessAuthError or an unchecked exception")
        .inFile(api)
        .onLineContaining("void secret");
  }

  @Test
  void handlerMayDeclareUncheckedExceptionsAndErrors() {
    JavaFileObject api =
        api(
            """
              @TokenRequired
              void secret(HttpExchange exchange) throws IOException, IllegalStateException, AssertionError {}
            """);
    assertThat(compileWithModels(api)).succeededWithoutWarnings();
  }

  @Test
  void valuesAreReadFromTokenRequiredWhateverAnnotationComesFirst() {
    JavaFileObject api =
        api(
            """
              @SuppressWarnings("unused")
              @TokenRequired(tokenType = "refresh")
              void secret(HttpExchange exchange) {}
            """);
    Compilation compilation = compileWithModels(api);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.AuthenticatedApi")
        .contentsAsUtf8String()
        .contains("manager.route().tokenType(\"refresh\").build()");
  }

  // authType and tokenType

  @Test
  void authTypeThatIsNotAnRfc9110TokenIsReportedOnTheValue() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(
                  authType = "Bearer token")
              void secret(HttpExchange exchange) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining("authType \"Bearer token\" is not an RFC 9110 token: use letters, digits and "
            + "!#$%&'*+-.^_`|~ only, such as \"Bearer\" (or leave it out for the configured "
            + "default)")
        .inFile(api)
        .onLineContaining("authType = \"Bearer token\"");
  }

  @Test
  void blankSchemeIsReportedOnThatScheme() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(
                  authType = {"Bearer", " "})
              void secret(HttpExchange exchange) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining("authType must not list a blank scheme: name one, such as \"Bearer\", or remove the"
            + " empty one (leave authType out for the configured default)")
        .inFile(api)
        .onLineContaining("authType = {\"Bearer\", \" \"}");
  }

  @Test
  void schemeListedTwiceInAnotherCaseIsReportedOnTheRepeat() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(authType = {
                  "Bearer",
                  "ApiKey",
                  "bearer"})
              void secret(HttpExchange exchange) {}
            """);
    Compilation compilation = compileWithModels(api);
    assertThat(compilation)
        .hadErrorContaining("authType lists the scheme \"bearer\" more than once (schemes are compared without"
            + " regard to case, and \"Bearer\" is listed already). Remove the repeat")
        .inFile(api)
        .onLineContaining("\"bearer\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void severalSchemesCompileCleanlyIntoOneRouteCall() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(authType = {"Bearer", "ApiKey"})
              void secret(HttpExchange exchange) {}
            """);
    Compilation compilation = compileWithModels(api);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.AuthenticatedApi")
        .contentsAsUtf8String()
        .contains("manager.route().authType(\"Bearer\", \"ApiKey\").build()");
  }

  @Test
  void oneSchemeWrittenWithoutBracesKeepsTheOneSchemeCall() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(authType = "DPoP")
              void secret(HttpExchange exchange) {}
            """);
    Compilation compilation = compileWithModels(api);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.AuthenticatedApi")
        .contentsAsUtf8String()
        .contains("manager.route().authType(\"DPoP\").build()");
  }

  @Test
  void tokenTypeWithWhitespaceIsReportedOnTheValue() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(
                  tokenType = "re fresh")
              void secret(HttpExchange exchange) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining("tokenType \"re fresh\" must be visible ASCII without whitespace: use one word, "
            + "such as \"refresh\" (or leave it out for the configured default)")
        .inFile(api)
        .onLineContaining("tokenType = \"re fresh\"");
  }

  // Scopes

  @Test
  void scopeThatIsNotAnRfc6749ScopeTokenIsReportedOnThatScope() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(
                  scopes = {
                    "read",
                    "write \\"all\\""
                  })
              void secret(HttpExchange exchange) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining("scope \"write \"all\"\" is not an RFC 6749 scope-token: use printable ASCII without "
            + "spaces, \" or \\, such as \"read\"")
        .inFile(api)
        .onLineContaining("\"write \\\"all\\\"\"");
  }

  @Test
  void emptyScopeIsReportedOnThatScope() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(
                  scopes = {"read", ""})
              void secret(HttpExchange exchange) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining("scope \"\" is not an RFC 6749 scope-token: use printable ASCII without spaces, \" "
            + "or \\, such as \"read\"")
        .inFile(api)
        .onLineContaining("scopes = {\"read\", \"\"}");
  }

  @Test
  void scopesOnATokenModelWithoutTokenMixinAreReportedOnTheValue() {
    JavaFileObject token = source("test.Token", "package test;\n\npublic final class Token {\n  public long userId;\n}");
    JavaFileObject api =
        api(
            """
              @TokenRequired(
                  scopes = "admin")
              void secret(HttpExchange exchange) {}
            """);
    assertThat(compileWithModels(token, api))
        .hadErrorContaining("scopes need a token model that implements io.statelessauth.TokenMixin, whose "
            + "scopes() says what a token grants, but test.Token does not. Implement "
            + "TokenMixin in test.Token, or remove scopes")
        .inFile(api)
        .onLineContaining("scopes = \"admin\"");
  }

  // Handler names

  @Test
  void twoHandlersOfTheSameNameAreEachReported() {
    JavaFileObject api =
        api(
            """
              @TokenRequired
              void secret(HttpExchange exchange) {}

              @TokenRequired
              void secret(HttpExchange exchange, User user) {}
            """);
    String message = "Found 2 @TokenRequired methods named secret in Api; AuthenticatedApi has one "
        + "method per handler, named after it. Rename all but one";
    Compilation compilation = compileWithModels(api);
    assertThat(compilation).hadErrorContaining(message).inFile(api).onLineContaining("void secret(HttpExchange exchange)");
    assertThat(compilation).hadErrorContaining(message).inFile(api).onLineContaining("User user)");
  }

  @Test
  void handlerNamedLikeAnObjectMethodIsAnError() {
    JavaFileObject api = api("  @TokenRequired\n  void hashCode(HttpExchange exchange) {}");
    assertThat(compileWithModels(api))
        .hadErrorContaining(
            "@TokenRequired method Api.hashCode cannot keep its name: AuthenticatedApi would "
                + "need a method hashCode() returning HttpHandler, which clashes with "
                + "Object.hashCode(). Rename it")
        .inFile(api)
        .onLineContaining("void hashCode");
  }

  // Generated names already taken

  @Test
  void classAlreadyNamedLikeTheGeneratedOneIsAnError() {
    JavaFileObject api = api("  @TokenRequired\n  void secret(HttpExchange exchange) {}");
    JavaFileObject taken = source("test.AuthenticatedApi", "package test;\n\nclass AuthenticatedApi {}");
    assertThat(compileWithModels(api, taken))
        .hadErrorContaining("Cannot generate test.AuthenticatedApi for test.Api: a class of that name is "
            + "already declared in this compilation. Rename that class")
        .inFile(api)
        .onLineContaining("public class Api");
  }

  @Test
  void twoHandlerClassesWithTheSameGeneratedNameAreAnError() {
    JavaFileObject nested =
        source(
            "test.Outer",
            """
            package test;

            public class Outer {
              public static class Inner {
                @io.statelessauth.annotations.TokenRequired
                void secret(com.sun.net.httpserver.HttpExchange exchange) {}
              }
            }
            """);
    JavaFileObject flat =
        source(
            "test.Outer_Inner",
            """
            package test;

            public class Outer_Inner {
              @io.statelessauth.annotations.TokenRequired
              void secret(com.sun.net.httpserver.HttpExchange exchange) {}
            }
            """);
    assertThat(compileWithModels(nested, flat))
        .hadErrorContaining(
            "Cannot generate test.AuthenticatedOuter_Inner for test.Outer_Inner: the same "
                + "name is already generated for test.Outer.Inner. Rename one of the two classes")
        .inFile(flat)
        .onLineContaining("public class Outer_Inner");
  }
}
