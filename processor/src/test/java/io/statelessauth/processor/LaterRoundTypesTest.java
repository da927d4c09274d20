package io.statelessauth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.statelessauth.processor.Fixtures.API;
import static io.statelessauth.processor.Fixtures.TOKEN;
import static io.statelessauth.processor.Fixtures.TOKENS;
import static io.statelessauth.processor.Fixtures.USER;
import static io.statelessauth.processor.Fixtures.USERS;
import static io.statelessauth.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import io.statelessauth.processor.base.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Types that another processor writes in the first round, wherever the wiring names them, are
 * waited for (README, "Compile-time checks") instead of being reported as missing.
 */
class LaterRoundTypesTest {

  /** Compiles {@code sources} while another processor writes {@code later} as {@code name}. */
  private static Compilation compileWithLater(String name, JavaFileObject later, JavaFileObject... sources) {
    return javac()
        .withProcessors(new StatelessAuthProcessor(), new FirstRoundWriter(name, later))
        .compile(sources);
  }

  private static void assertWiredWithoutComplaint(Compilation compilation) {
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.StatelessAuthManager");
    assertThat(compilation).generatedSourceFile("test.AuthenticatedApi");
  }

  private static JavaFileObject api(String members) {
    return source(
        "test.Api",
        """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.annotations.TokenRequired;

        public class Api%s
        }
        """
            .formatted(members));
  }

  @Test
  void userModelWrittenLaterIsWaitedForByTheLoadersAndTheHandlers() {
    assertWiredWithoutComplaint(compileWithLater("test.User", USER, TOKEN, TOKENS, USERS, API));
  }

  @Test
  void handlerClassWrittenLaterIsWired() {
    assertWiredWithoutComplaint(compileWithLater("test.Api", API, TOKEN, USER, TOKENS, USERS));
  }

  @Test
  void exceptionThatAHandlerThrowsWrittenLaterIsWaitedFor() {
    JavaFileObject failure = source("test.Failure", "package test;\n\npublic class Failure extends java.io.IOException {}\n");
    JavaFileObject api = api(" {\n  @TokenRequired\n  public void secret(HttpExchange exchange) throws Failure {}\n");
    assertWiredWithoutComplaint(compileWithLater("test.Failure", failure, TOKEN, USER, TOKENS, USERS, api));
  }

  @Test
  void checkedExceptionWrittenLaterIsJudgedOnceItExists() {
    JavaFileObject failure = source("test.Failure", "package test;\n\npublic class Failure extends Exception {}\n");
    JavaFileObject api = api(" {\n  @TokenRequired\n  public void secret(HttpExchange exchange) throws Failure {}\n");
    Compilation compilation = compileWithLater("test.Failure", failure, TOKEN, USER, TOKENS, USERS, api);
    assertThat(compilation)
        .hadErrorContaining(Messages.HANDLER_THROWS_CHECKED.format("Api.secret", "test.Failure"))
        .inFile(api)
        .onLineContaining("void secret");
  }

  @Test
  void supertypeOfAHandlerClassWrittenLaterIsWaitedFor() {
    JavaFileObject base = source("test.Base", "package test;\n\npublic abstract class Base {}\n");
    JavaFileObject api = api(" extends Base {\n  @TokenRequired\n  public void secret(HttpExchange exchange, User user) {}\n");
    assertWiredWithoutComplaint(compileWithLater("test.Base", base, TOKEN, USER, TOKENS, USERS, api));
  }

  @Test
  void interfaceOfAHandlerClassWrittenLaterIsWaitedFor() {
    JavaFileObject routes = source("test.Routes",
        "package test;\n\npublic interface Routes extends com.sun.net.httpserver.HttpHandler {}\n");
    JavaFileObject api = api(" implements Routes {\n  @TokenRequired\n"
        + "  public void handle(HttpExchange exchange) {}\n");
    Compilation compilation = compileWithLater("test.Routes", routes, TOKEN, USER, TOKENS, USERS, api);
    assertWiredWithoutComplaint(compilation);
    assertThat(compilation).generatedSourceFile("test.AuthenticatedApi").contentsAsUtf8String()
        .contains("implements HttpHandler");
  }

  @Test
  void modelWrittenLaterInsideAWildcardOfAHandlerParameterIsWaitedFor() {
    JavaFileObject api =
        api(" {\n  @TokenRequired(optional = true)\n"
            + "  public void greet(HttpExchange exchange, java.util.Optional<? extends User> user) {}\n");
    assertWiredWithoutComplaint(compileWithLater("test.User", USER, TOKEN, TOKENS, USERS, api));
  }

  @Test
  void modelWrittenLaterInsideAnArrayOfAHandlerParameterIsWaitedFor() {
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            public final class Users {
              public User[] load(Token token) {
                return new User[] {new User("user" + token.userId)};
              }
            }
            """);
    JavaFileObject api = api(" {\n  @TokenRequired\n  public void secret(HttpExchange exchange, User[] users) {}\n");
    assertWiredWithoutComplaint(compileWithLater("test.User", USER, TOKEN, TOKENS, users, api));
  }

  @Test
  void handlerClassThatNamesNoModelWaitsForALoaderPairStillWaitingOnALaterType() {
    JavaFileObject api = api(" {\n  @TokenRequired\n  public void secret(HttpExchange exchange) {}\n");
    assertWiredWithoutComplaint(compileWithLater("test.User", USER, TOKEN, TOKENS, USERS, api));
  }

  @Test
  void superclassOfALoaderThatHoldsItsLoadWrittenLaterIsWaitedFor() {
    JavaFileObject base = source("test.BaseUsers",
        "package test;\n\npublic abstract class BaseUsers {\n"
            + "  public User load(Token token) {\n    return new User(\"user\" + token.userId);\n  }\n}\n");
    JavaFileObject users = source("test.Users",
        "package test;\n\n@io.statelessauth.annotations.UserLoader\npublic final class Users extends BaseUsers {}\n");
    assertWiredWithoutComplaint(compileWithLater("test.BaseUsers", base, TOKEN, USER, TOKENS, users, API));
  }
}
