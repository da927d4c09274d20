package io.statelessauth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.statelessauth.processor.Fixtures.api;
import static io.statelessauth.processor.Fixtures.compile;
import static io.statelessauth.processor.Fixtures.compileWithModels;
import static io.statelessauth.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import io.statelessauth.processor.base.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The compile-time checks of the {@code @TokenRequired} handlers. */
class HandlerRulesTest {
  private static final String INJECTABLE = Messages.INJECTABLE.format("test.User", "test.Token");


  // Handlers but no loaders

  @Test
  void handlerWithoutAnyLoaderIsReportedOnTheHandler() {
    JavaFileObject api = api("  @TokenRequired\n  void secret(HttpExchange exchange) {}");
    assertThat(compile(api))
        .hadErrorContaining(Messages.HANDLER_WITHOUT_LOADERS.format("Api.secret"))
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
            Messages.MANAGER_IN_UNNAMED_PACKAGE.format("AuthenticatedApi", "web", "Tokens", "Tokens"))
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
        .hadErrorContaining(Messages.PARAMETER_UNREACHABLE.format("named", "Api.secret", reported, "AuthenticatedApi"))
        .inFile(api)
        .onLineContaining(" named)");
  }

  // Where a handler may be

  @Test
  void privateHandlerIsAnError() {
    JavaFileObject api = api("  @TokenRequired\n  private void secret(HttpExchange exchange) {}");
    assertThat(compileWithModels(api))
        .hadErrorContaining(Messages.HANDLER_PRIVATE.format("AuthenticatedApi", "Api.secret"))
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
        .hadErrorContaining(Messages.HANDLER_ABSTRACT.format("Api.secret"))
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
            Messages.HANDLER_IN_PRIVATE_CLASS.format(
                "AuthenticatedApi_Hidden", "test.Api.Hidden", "Hidden"))
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
        .hadErrorContaining(Messages.HANDLER_IN_INNER_CLASS.format("test.Api.Inner", "Inner"))
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
        .hadErrorContaining(Messages.HANDLER_IN_LOCAL_CLASS.format("local class Local"))
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
        .hadErrorContaining(Messages.HANDLER_IN_LOCAL_CLASS.format("an anonymous class"))
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
        .hadErrorContaining(Messages.HANDLER_IN_LOCAL_CLASS.format("local class Local"))
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
        .hadErrorContaining(Messages.HANDLER_IN_LOCAL_CLASS.format("local class Local"))
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
        .hadErrorContaining(Messages.HANDLER_GENERIC.format("Api.secret"))
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
            Messages.PARAMETER_NOT_INJECTABLE.format("name", "Api.secret", "java.lang.String", INJECTABLE))
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
            Messages.PARAMETER_AMBIGUOUS.format(
                "principal",
                "Api.secret",
                "java.lang.Object",
                "the HttpExchange, the user test.User and the token model test.Token",
                INJECTABLE))
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
        .hadErrorContaining(Messages.PARAMETER_REPEATED.format("to", "Api.secret", "user", "from"))
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
            Messages.PARAMETER_NOT_INJECTABLE.format("id", "Api.secret", "int", INJECTABLE))
        .inFile(api)
        .onLineContaining("int id");
  }

  // What a handler returns

  @Test
  void handlerReturningAValueIsAnError() {
    JavaFileObject api =
        api("  @TokenRequired\n  String secret(HttpExchange exchange) {\n    return \"\";\n  }");
    assertThat(compileWithModels(api))
        .hadErrorContaining(Messages.HANDLER_RETURNS_VALUE.format("Api.secret", "java.lang.String"))
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
            Messages.HANDLER_THROWS_CHECKED.format("Api.secret", "java.sql.SQLException"))
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
        .hadErrorContaining(Messages.AUTH_TYPE_NOT_TOKEN.format("Bearer token"))
        .inFile(api)
        .onLineContaining("authType = \"Bearer token\"");
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
        .hadErrorContaining(Messages.TOKEN_TYPE_INVALID.format("re fresh"))
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
        .hadErrorContaining(Messages.SCOPE_NOT_SCOPE_TOKEN.format("write \"all\""))
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
        .hadErrorContaining(Messages.SCOPE_NOT_SCOPE_TOKEN.format(""))
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
        .hadErrorContaining(Messages.SCOPES_WITHOUT_TOKEN_MIXIN.format("test.Token", "test.Token"))
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
    String message = Messages.DUPLICATE_HANDLER_NAME.format(2, "secret", "Api", "AuthenticatedApi");
    Compilation compilation = compileWithModels(api);
    assertThat(compilation).hadErrorContaining(message).inFile(api).onLineContaining("void secret(HttpExchange exchange)");
    assertThat(compilation).hadErrorContaining(message).inFile(api).onLineContaining("User user)");
  }

  @Test
  void handlerNamedLikeAnObjectMethodIsAnError() {
    JavaFileObject api = api("  @TokenRequired\n  void hashCode(HttpExchange exchange) {}");
    assertThat(compileWithModels(api))
        .hadErrorContaining(
            Messages.HANDLER_NAME_RESERVED.format("Api.hashCode", "AuthenticatedApi", "hashCode", "hashCode"))
        .inFile(api)
        .onLineContaining("void hashCode");
  }

  // Generated names already taken

  @Test
  void classAlreadyNamedLikeTheGeneratedOneIsAnError() {
    JavaFileObject api = api("  @TokenRequired\n  void secret(HttpExchange exchange) {}");
    JavaFileObject taken = source("test.AuthenticatedApi", "package test;\n\nclass AuthenticatedApi {}");
    assertThat(compileWithModels(api, taken))
        .hadErrorContaining(Messages.NAME_TAKEN.format("test.AuthenticatedApi", "test.Api"))
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
            Messages.NAME_GENERATED_TWICE.format(
                "test.AuthenticatedOuter_Inner", "test.Outer_Inner", "test.Outer.Inner"))
        .inFile(flat)
        .onLineContaining("public class Outer_Inner");
  }
}
