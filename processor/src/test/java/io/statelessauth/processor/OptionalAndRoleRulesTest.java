package io.statelessauth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.statelessauth.processor.Fixtures.api;
import static io.statelessauth.processor.Fixtures.compileWithModels;
import static io.statelessauth.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import io.statelessauth.processor.base.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The compile-time checks of optional routes and roles (README, "Compile-time checks"): each
 * message on the parameter or annotation value at fault, with the fix in its words.
 */
class OptionalAndRoleRulesTest {
  private static final String INJECTABLE_OPTIONAL = Messages.INJECTABLE_OPTIONAL.format("test.User", "test.Token");


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
            Messages.PLAIN_PARAMETER_ON_OPTIONAL_ROUTE.format("caller", "Api.greet", "user", "test.User"))
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
            Messages.PLAIN_PARAMETER_ON_OPTIONAL_ROUTE.format("presented", "Api.greet", "token model", "test.Token"))
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
            Messages.OPTIONAL_PARAMETER_ON_REQUIRED_ROUTE.format("caller", "Api.whoami", "user", "test.User"))
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
            Messages.PARAMETER_NOT_INJECTABLE.format(
                "caller", "Api.greet", "java.util.Optional<java.lang.String>", INJECTABLE_OPTIONAL))
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
            Messages.PARAMETER_AMBIGUOUS.format(
                "anything",
                "Api.greet",
                "java.util.Optional<java.lang.Object>",
                "an Optional of the user test.User and an Optional of the token model test.Token",
                INJECTABLE_OPTIONAL))
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
            Messages.PARAMETER_AMBIGUOUS.format("anything", "Api.greet", "java.util.Optional<?>", both, INJECTABLE_OPTIONAL))
        .inFile(api)
        .onLineContaining("Optional<?> anything");
    assertThat(compilation)
        .hadErrorContaining(
            Messages.PARAMETER_AMBIGUOUS.format("raw", "Api.greet", "java.util.Optional", both, INJECTABLE_OPTIONAL))
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
        .hadErrorContaining(Messages.ROLES_WITHOUT_USER_MIXIN.format("test.User", "test.User"))
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
        .hadErrorContaining(Messages.ROLE_BLANK.format())
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
        .hadWarningContaining(Messages.ROLE_REPEATED.format("admin"))
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
        .hadWarningContaining(Messages.SCOPE_REPEATED.format("read"))
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
