package io.statelessauth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.statelessauth.processor.Fixtures.api;
import static io.statelessauth.processor.Fixtures.compileWithModels;
import static io.statelessauth.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The compile-time checks of optional routes and roles (README, "Compile-time checks"): each
 * message on the parameter or annotation value at fault, with the fix in its words.
 */
class OptionalAndRoleRulesTest {
  private static final String INJECTABLE_OPTIONAL =
      "A @TokenRequired(optional = true) method takes, in any order, any of: "
      + "com.sun.net.httpserver.HttpExchange, java.util.Optional<test.User> (or of a "
      + "supertype), java.util.Optional<test.Token> (or of a supertype)";


  // Optional routes

  @Test
  void plainUserOnAnOptionalRouteIsReportedOnTheParameterAndAsksForOptional() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(optional = true)
              void greet(HttpExchange exchange,
                  User caller) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining(
            "Parameter caller of @TokenRequired(optional = true) method Api.greet is the "
                + "user, which is absent when the request is anonymous. Declare it as "
                + "java.util.Optional<test.User>")
        .inFile(api)
        .onLineContaining("User caller");
  }

  @Test
  void plainTokenOnAnOptionalRouteIsReportedOnTheParameterAndAsksForOptional() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(optional = true)
              void greet(
                  Token presented) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining(
            "Parameter presented of @TokenRequired(optional = true) method Api.greet is the "
                + "token model, which is absent when the request is anonymous. Declare it as "
                + "java.util.Optional<test.Token>")
        .inFile(api)
        .onLineContaining("Token presented");
  }

  @Test
  void optionalOnARequiredRouteIsReportedOnTheParameterAndAsksForThePlainType() {
    JavaFileObject api =
        api(
            """
              @TokenRequired
              void whoami(HttpExchange exchange,
                  Optional<User> caller) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining(
            "Parameter caller of @TokenRequired method Api.whoami is an Optional, but the "
                + "route requires a token, so the user is always there. Declare it as test.User, "
                + "or make the route @TokenRequired(optional = true)")
        .inFile(api)
        .onLineContaining("Optional<User> caller");
  }

  @Test
  void optionalOfATypeThatFitsNeitherModelIsReportedOnTheParameter() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(optional = true)
              void greet(
                  Optional<String> caller) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining(
            "Parameter caller of @TokenRequired method Api.greet cannot be injected: nothing "
                + "passed in is a java.util.Optional<java.lang.String>. "
                + INJECTABLE_OPTIONAL)
        .inFile(api)
        .onLineContaining("Optional<String> caller");
  }

  @Test
  void optionalThatFitsBothModelsIsAmbiguous() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(optional = true)
              void greet(
                  Optional<Object> anything) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining(
            "Parameter anything of @TokenRequired method Api.greet is ambiguous: "
                + "java.util.Optional<java.lang.Object> accepts an Optional of the user test.User "
                + "and an Optional of the token model test.Token. Declare it as exactly one of "
                + "them. "
                + INJECTABLE_OPTIONAL)
        .inFile(api)
        .onLineContaining("Optional<Object> anything");
  }

  @Test
  void optionalOfASupertypeOrAWildcardIsAccepted() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(optional = true)
              void greet(HttpExchange exchange, Optional<? extends UserMixin> caller, Optional<Token> token) {}
            """);
    Compilation compilation = compileWithModels(api);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.AuthenticatedApi")
        .contentsAsUtf8String()
        .contains("target.greet(exchange, Optional.ofNullable(user), Optional.ofNullable(token))");
  }

  @Test
  void optionalOfASuperBoundIsTheModelBelowIt() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(optional = true)
              void greet(HttpExchange exchange, Optional<? super User> caller) {}
            """);
    Compilation compilation = compileWithModels(api);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.AuthenticatedApi")
        .contentsAsUtf8String()
        .contains("target.greet(exchange, Optional.ofNullable(user))");
  }

  @Test
  void unboundedOrRawOptionalFitsBothModelsAndIsAmbiguous() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(optional = true)
              @SuppressWarnings("rawtypes")
              void greet(
                  Optional<?> anything,
                  Optional raw) {}
            """);
    Compilation compilation = compileWithModels(api);
    String both = "an Optional of the user test.User and an Optional of the token model test.Token";
    assertThat(compilation)
        .hadErrorContaining(
            "Parameter anything of @TokenRequired method Api.greet is ambiguous: "
                + "java.util.Optional<?> accepts "
                + both
                + ". Declare it as exactly one of them. "
                + INJECTABLE_OPTIONAL)
        .inFile(api)
        .onLineContaining("Optional<?> anything");
    assertThat(compilation)
        .hadErrorContaining(
            "Parameter raw of @TokenRequired method Api.greet is ambiguous: "
                + "java.util.Optional accepts "
                + both
                + ". Declare it as exactly one of them. "
                + INJECTABLE_OPTIONAL)
        .inFile(api)
        .onLineContaining("Optional raw");
  }

  // Roles

  @Test
  void rolesForAUserWithoutUserMixinAreReportedOnTheValue() {
    JavaFileObject user = source("test.User", "package test;\n\npublic final class User {\n  public User(String name) {}\n}");
    JavaFileObject api =
        api(
            """
              @TokenRequired(
                  roles = "admin")
              void users(HttpExchange exchange) {}
            """);
    assertThat(compileWithModels(user, api))
        .hadErrorContaining("roles need a user that implements io.statelessauth.UserMixin, whose roles() "
            + "says what a user holds, but test.User does not. Implement UserMixin in "
            + "test.User, or remove roles")
        .inFile(api)
        .onLineContaining("roles = \"admin\"");
  }

  @Test
  void blankRoleIsReportedOnThatRole() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(
                  roles = {
                    "admin",
                    " "
                  })
              void users(HttpExchange exchange) {}
            """);
    assertThat(compileWithModels(api))
        .hadErrorContaining("roles must not be blank: name a role, such as \"admin\", or remove the empty one")
        .inFile(api)
        .onLineContaining("\" \"");
  }

  @Test
  void roleListedTwiceIsAWarningOnTheRepeat() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(
                  roles = {
                    "admin",
                    "support", "admin"
                  })
              void users(HttpExchange exchange) {}
            """);
    Compilation compilation = compileWithModels(api);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("role \"admin\" is listed more than once. Remove the repeats")
        .inFile(api)
        .onLineContaining("\"support\", \"admin\"");
    assertThat(compilation)
        .generatedSourceFile("test.AuthenticatedApi")
        .contentsAsUtf8String()
        .contains("manager.route().roles(\"admin\", \"support\").build()");
  }

  @Test
  void scopeListedTwiceIsAWarningOnTheRepeat() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(
                  scopes = {
                    "read",
                    "write", "read"
                  })
              void secret(HttpExchange exchange) {}
            """);
    Compilation compilation = compileWithModels(api);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("scope \"read\" is listed more than once. Remove the repeats")
        .inFile(api)
        .onLineContaining("\"write\", \"read\"");
  }

  @Test
  void optionalRouteWithRolesAndScopesNamesThemAllInTheGeneratedRoute() {
    JavaFileObject api =
        api(
            """
              @TokenRequired(optional = true, scopes = "read", roles = {"admin", "support"})
              void greet(Optional<User> caller) {}
            """);
    Compilation compilation = compileWithModels(api);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.AuthenticatedApi")
        .contentsAsUtf8String()
        .contains("this.greet = manager.handler(manager.route().scopes(\"read\").roles(\"admin\", \"support\").optional().build(),\n"
            + "        (exchange, token, user) -> target.greet(Optional.ofNullable(user)));");
  }
}
