package io.statelessauth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.statelessauth.processor.Fixtures.API;
import static io.statelessauth.processor.Fixtures.TOKEN;
import static io.statelessauth.processor.Fixtures.TOKENS;
import static io.statelessauth.processor.Fixtures.UNNAMED_PACKAGE_TOKENS;
import static io.statelessauth.processor.Fixtures.USER;
import static io.statelessauth.processor.Fixtures.USERS;
import static io.statelessauth.processor.Fixtures.source;

import com.google.testing.compile.Compilation;
import io.statelessauth.processor.base.Messages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Processing across rounds, and failures that must never crash javac. */
class RoundsTest {

  @Test
  void typeThatAnotherProcessorGeneratesLaterIsWaitedFor() {
    Compilation compilation =
        javac()
            .withProcessors(new StatelessAuthProcessor(), new FirstRoundWriter("test.Token", TOKEN))
            .compile(USER, TOKENS, USERS, API);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.StatelessAuthManager")
        .contentsAsUtf8String()
        .contains("super(ModelMixins.TOKEN_AND_USER,");
    assertThat(compilation).generatedSourceFile("test.AuthenticatedApi");
  }

  @Test
  void typeThatNeverResolvesIsReportedWhenProcessingEnds() {
    JavaFileObject tokens =
        source(
            "test.Tokens",
            """
            package test;

            @io.statelessauth.annotations.TokenLoader
            public final class Tokens {
              public Missing load(String token, String tokenType, String authType) {
                return null;
              }
            }
            """);
    JavaFileObject users =
        source(
            "test.Users",
            """
            package test;

            @io.statelessauth.annotations.UserLoader
            public final class Users {
              public User load(Object token) {
                return null;
              }
            }
            """);
    assertThat(javac().withProcessors(new StatelessAuthProcessor()).compile(USER, tokens, users))
        .hadErrorContaining(Messages.UNRESOLVED.format("test.Tokens"))
        .inFile(tokens)
        .onLineContaining("public final class Tokens");
  }

  @Test
  void internalFailureBecomesOneErrorNamingTheElement() {
    StatelessAuthProcessor failing =
        new StatelessAuthProcessor(
            filer ->
                file -> {
                  throw new IllegalStateException("boom");
                });
    Compilation compilation =
        javac().withProcessors(failing).compile(Fixtures.TOKEN, USER, TOKENS, USERS, API);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Messages.INTERNAL_ERROR.format("test.Tokens", "").strip())
        .inFile(TOKENS)
        .onLineContaining("public final class Tokens");
    assertThat(compilation).hadErrorContaining("java.lang.IllegalStateException: boom");
  }

  /**
   * A processor whose writes of the file named {@code failing} fail with "disk full"; the names of
   * the files it did write go to {@code written}.
   */
  private static StatelessAuthProcessor failingToWrite(String failing, List<String> written) {
    return new StatelessAuthProcessor(
        filer ->
            file -> {
              String name = file.packageName() + "." + file.typeSpec().name();
              if (name.equals(failing)) {
                throw new IOException("disk full");
              }
              file.writeTo(filer);
              written.add(name);
            });
  }

  @Test
  void handlerClassWhoseTypeNeverAppearsIsReportedWhenProcessingEnds() {
    JavaFileObject api =
        source(
            "test.Api",
            """
            package test;

            public class Api {
              @io.statelessauth.annotations.TokenRequired
              public void secret(Missing missing) {}
            }
            """);
    assertThat(javac().withProcessors(new StatelessAuthProcessor()).compile(TOKEN, USER, TOKENS, USERS, api))
        .hadErrorContaining(Messages.UNRESOLVED.format("test.Api"))
        .inFile(api)
        .onLineContaining("public class Api");
  }

  @Test
  void handlerFileThatCannotBeWrittenIsReportedOnItsHandlerClass() {
    List<String> written = new ArrayList<>();
    Compilation compilation =
        javac()
            .withProcessors(failingToWrite("test.AuthenticatedApi", written))
            .compile(Fixtures.TOKEN, USER, TOKENS, USERS, API);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Messages.WRITE_FAILED.format("test.AuthenticatedApi", "disk full"))
        .inFile(API)
        .onLineContaining("public class Api");
    assertEquals(List.of("test.StatelessAuthManager"), written);
  }

  @Test
  void aFileOfTheUnnamedPackageThatCannotBeWrittenIsNamedWithoutAPackage() {
    JavaFileObject users =
        source(
            "Users",
            """
            @io.statelessauth.annotations.UserLoader
            public final class Users {
              public Object load(Object token) {
                return null;
              }
            }
            """);
    List<String> written = new ArrayList<>();
    Compilation compilation =
        javac()
            .withProcessors(failingToWrite(".StatelessAuthManager", written))
            .compile(UNNAMED_PACKAGE_TOKENS, users);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Messages.WRITE_FAILED.format("StatelessAuthManager", "disk full"))
        .inFile(UNNAMED_PACKAGE_TOKENS)
        .onLineContaining("public final class Tokens");
  }

  @Test
  void managerThatCannotBeWrittenIsReportedOnTheTokenLoaderAndNothingThatNeedsItIsWritten() {
    List<String> written = new ArrayList<>();
    Compilation compilation =
        javac()
            .withProcessors(failingToWrite("test.StatelessAuthManager", written))
            .compile(Fixtures.TOKEN, USER, TOKENS, USERS, API);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Messages.WRITE_FAILED.format("test.StatelessAuthManager", "disk full"))
        .inFile(TOKENS)
        .onLineContaining("public final class Tokens");
    assertEquals(List.of(), written);
  }

}
