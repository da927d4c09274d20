package io.statelessauth.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.statelessauth.processor.Fixtures.source;

import io.statelessauth.processor.ResolvedCalls.Call;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated call reaches exactly the annotated method whatever other methods share its name,
 * as javac resolves it (not only as the generated text reads), and the generated code compiles
 * without a warning under {@code -Xlint:all -Werror}. One test per shape of overload.
 */
class ExactCallTest {
  @TempDir Path dir;

  private List<Call> callsOf(String name, JavaFileObject... sources) throws IOException {
    return ResolvedCalls.of(name, dir, Fixtures.withModels(List.of(sources)).toArray(JavaFileObject[]::new));
  }

  private String generatedApi() throws IOException {
    return Files.readString(dir.resolve("generated/test/AuthenticatedApi.java"));
  }

  @Test
  void annotatedMethodTakingASupertypeBesideAnOverloadTakingTheSubtype() throws IOException {
    List<Call> calls = callsOf("whoami", source("test.Api", """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.UserMixin;
        import io.statelessauth.annotations.TokenRequired;

        public class Api {
          @TokenRequired
          void whoami(HttpExchange exchange, UserMixin user) {}

          void whoami(HttpExchange exchange, User user) {}
        }
        """));

    assertThat(calls).containsExactly(
        new Call("Api.whoami(com.sun.net.httpserver.HttpExchange,io.statelessauth.UserMixin)", true));
    assertThat(generatedApi()).contains("target.whoami(exchange, (UserMixin) user));");
  }

  @Test
  void annotatedMethodTakingTheSubtypeBesideAnOverloadTakingASupertype() throws IOException {
    List<Call> calls = callsOf("whoami", source("test.Api", """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.UserMixin;
        import io.statelessauth.annotations.TokenRequired;

        public class Api {
          void whoami(Object exchange, UserMixin user) {}

          @TokenRequired
          void whoami(HttpExchange exchange, User user) {}
        }
        """));

    assertThat(calls).containsExactly(
        new Call("Api.whoami(com.sun.net.httpserver.HttpExchange,test.User)", true));
    assertThat(generatedApi()).contains("target.whoami(exchange, user));");
  }

  @Test
  void annotatedInstanceMethodBesideAStaticOverload() throws IOException {
    List<Call> calls = callsOf("whoami", source("test.Api", """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.UserMixin;
        import io.statelessauth.annotations.TokenRequired;

        public class Api {
          @TokenRequired
          void whoami(HttpExchange exchange, UserMixin user) {}

          static void whoami(HttpExchange exchange, User user) {}
        }
        """));

    assertThat(calls).containsExactly(
        new Call("Api.whoami(com.sun.net.httpserver.HttpExchange,io.statelessauth.UserMixin)", true));
    assertThat(generatedApi()).contains("target.whoami(exchange, (UserMixin) user));");
  }

  @Test
  void annotatedStaticMethodBesideAnInstanceOverload() throws IOException {
    List<Call> calls = callsOf("whoami", source("test.Api", """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.UserMixin;
        import io.statelessauth.annotations.TokenRequired;

        public class Api {
          @TokenRequired
          static void whoami(HttpExchange exchange, UserMixin user) {}

          void whoami(HttpExchange exchange, User user) {}
        }
        """));

    assertThat(calls).containsExactly(
        new Call("Api.whoami(com.sun.net.httpserver.HttpExchange,io.statelessauth.UserMixin)", true));
    assertThat(generatedApi()).contains("Api.whoami(exchange, (UserMixin) user));");
  }

  @Test
  void annotatedMethodBesideAVarargsOverload() throws IOException {
    List<Call> calls = callsOf("whoami", source("test.Api", """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.UserMixin;
        import io.statelessauth.annotations.TokenRequired;

        public class Api {
          @TokenRequired
          void whoami(HttpExchange exchange, UserMixin user) {}

          void whoami(HttpExchange exchange, User... users) {}

          void whoami(HttpExchange exchange, User user, Object... more) {}
        }
        """));

    assertThat(calls).containsExactly(
        new Call("Api.whoami(com.sun.net.httpserver.HttpExchange,io.statelessauth.UserMixin)", true));
  }

  @Test
  void annotatedVarargsMethodIsCalledWithItsArrayBesideAMoreSpecificOverload() throws IOException {
    JavaFileObject users = source("test.Users", """
        package test;

        @io.statelessauth.annotations.UserLoader
        public final class Users {
          public String[] load(Token token) {
            return new String[] {"user" + token.userId};
          }
        }
        """);
    List<Call> calls = callsOf("whoami", users, source("test.Api", """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.annotations.TokenRequired;

        public class Api {
          @TokenRequired
          void whoami(HttpExchange exchange, Object... user) {}

          void whoami(HttpExchange exchange, String[] names) {}
        }
        """));

    assertThat(calls).containsExactly(
        new Call("Api.whoami(com.sun.net.httpserver.HttpExchange,java.lang.Object...)", true));
    assertThat(generatedApi()).contains("target.whoami(exchange, (Object[]) user));");
  }

  @Test
  void annotatedVarargsMethodAloneIsCalledWithoutAnInexactVarargsWarning() throws IOException {
    JavaFileObject users = source("test.Users", """
        package test;

        @io.statelessauth.annotations.UserLoader
        public final class Users {
          public String[] load(Token token) {
            return new String[] {"user" + token.userId};
          }
        }
        """);
    List<Call> calls = callsOf("whoami", users, source("test.Api", """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.annotations.TokenRequired;

        public class Api {
          @TokenRequired
          void whoami(HttpExchange exchange, Object... user) {}
        }
        """));

    assertThat(calls).containsExactly(
        new Call("Api.whoami(com.sun.net.httpserver.HttpExchange,java.lang.Object...)", true));
  }

  @Test
  void annotatedMethodBesideAnInheritedOverload() throws IOException {
    JavaFileObject base = source("test.Base", """
        package test;

        import com.sun.net.httpserver.HttpExchange;

        public class Base {
          public void whoami(HttpExchange exchange, User user) {}
        }
        """);
    List<Call> calls = callsOf("whoami", base, source("test.Api", """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.UserMixin;
        import io.statelessauth.annotations.TokenRequired;

        public class Api extends Base {
          @TokenRequired
          void whoami(HttpExchange exchange, UserMixin user) {}
        }
        """));

    assertThat(calls).containsExactly(
        new Call("Api.whoami(com.sun.net.httpserver.HttpExchange,io.statelessauth.UserMixin)", true));
  }

  @Test
  void annotatedMethodWhoseTokenAndExchangeParametersAreSupertypesBesideExactOverloads() throws IOException {
    List<Call> calls = callsOf("refresh", source("test.Api", """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.TokenMixin;
        import io.statelessauth.annotations.TokenRequired;

        public class Api {
          @TokenRequired
          void refresh(TokenMixin token, HttpExchange exchange) {}

          void refresh(Token token, HttpExchange exchange) {}
        }
        """));

    assertThat(calls).containsExactly(
        new Call("Api.refresh(io.statelessauth.TokenMixin,com.sun.net.httpserver.HttpExchange)", true));
    assertThat(generatedApi()).contains("target.refresh((TokenMixin) token, exchange));");
  }

  @Test
  void optionalParametersReachTheAnnotatedMethodBesideAnObjectOverload() throws IOException {
    List<Call> calls = callsOf("greet", source("test.Api", """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.annotations.TokenRequired;
        import java.util.Optional;

        public class Api {
          @TokenRequired(optional = true)
          void greet(HttpExchange exchange, Optional<? extends User> user) {}

          void greet(HttpExchange exchange, Object user) {}
        }
        """));

    assertThat(calls).containsExactly(
        new Call("Api.greet(com.sun.net.httpserver.HttpExchange,java.util.Optional<? extends test.User>)", true));
  }
}
