package io.statelessauth.benchmarks;

import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.StatelessAuthConfig;
import io.statelessauth.benchmarks.app.Accounts;
import io.statelessauth.benchmarks.app.AuthenticatedMachineApi;
import io.statelessauth.benchmarks.app.AuthenticatedSecretApi;
import io.statelessauth.benchmarks.app.MachineApi;
import io.statelessauth.benchmarks.app.SecretApi;
import io.statelessauth.benchmarks.app.StatelessAuthManager;
import io.statelessauth.testing.TestExchange;
import io.statelessauth.testing.TestRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a route that accepts two schemes ({@code Bearer} and {@code ApiKey}, the key read from
 * {@code X-API-Key}) costs beside a route of one, set up as {@link AuthOverhead} is: the test kit's {@link
 * TestExchange} and {@code HashMap} loaders. The targets: a Bearer request and an
 * API-key request on the two-scheme route within 1.02× {@code AuthOverhead.generated} and without
 * allocating more; a request without credentials refused by the two-scheme route (two prebuilt
 * challenges) within 1.10× the one-scheme refusal. {@link #checkEveryPath()} makes sure every
 * path answers as it should before anything is timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SeveralSchemesOverhead {
  /** {@link Paths#CONFIG} with API keys read from {@code X-API-Key}. */
  static final StatelessAuthConfig CONFIG = StatelessAuthConfig.builder()
      .addContextProcessor(false)
      .credentialHeader("X-API-Key", "ApiKey")
      .build();

  private final TestExchange bearer = TestRequest.get("/secret").bearer(Accounts.validToken()).exchange();
  private final TestExchange apiKey =
      TestRequest.get("/secret").header("X-API-Key", Accounts.validToken()).exchange();
  private final TestExchange noCredentials = TestRequest.get("/secret").exchange();

  private HttpHandler oneScheme;
  private HttpHandler twoSchemes;

  /**
   * Builds both routes over one manager and checks their answers: the greeting to a Bearer request
   * on either route and to an API-key request on the two-scheme route, and a 401 challenging each
   * of the route's schemes, in order, to a request without credentials.
   */
  @Setup
  public void checkEveryPath() throws IOException {
    Accounts accounts = new Accounts();
    StatelessAuthManager manager = StatelessAuthManager.builder()
        .tokenLoader(accounts.tokenLoader())
        .userLoader(accounts.userLoader())
        .config(CONFIG)
        .build();
    oneScheme = new AuthenticatedSecretApi(new SecretApi(), manager).secret();
    twoSchemes = new AuthenticatedMachineApi(new MachineApi(), manager).secret();
    byte[] greeting = Answer.of(new Paths().bare(), bearer).body();
    expect(oneScheme, bearer, 200, greeting, null);
    expect(twoSchemes, bearer, 200, greeting, null);
    expect(twoSchemes, apiKey, 200, greeting, null);
    expect(oneScheme, noCredentials, 401, null, List.of("Bearer realm=\"api\""));
    expect(twoSchemes, noCredentials, 401, null, List.of("Bearer realm=\"api\"", "ApiKey realm=\"api\""));
  }

  /** A Bearer request on the route of one scheme: {@code AuthOverhead.generated} under this config. */
  @Benchmark
  public int oneSchemeBearer() throws IOException {
    return Answer.serve(oneScheme, bearer);
  }

  /** A Bearer request on the route of two schemes. */
  @Benchmark
  public int twoSchemesBearer() throws IOException {
    return Answer.serve(twoSchemes, bearer);
  }

  /** An API-key request ({@code X-API-Key}) on the route of two schemes. */
  @Benchmark
  public int twoSchemesApiKey() throws IOException {
    return Answer.serve(twoSchemes, apiKey);
  }

  /** A request without credentials refused (401) by the route of one scheme. */
  @Benchmark
  public int oneSchemeNoCredentials() throws IOException {
    return Answer.serve(oneScheme, noCredentials);
  }

  /** A request without credentials refused (401, two challenges) by the route of two schemes. */
  @Benchmark
  public int twoSchemesNoCredentials() throws IOException {
    return Answer.serve(twoSchemes, noCredentials);
  }

  /**
   * Fails unless {@code handler} finishes the response with {@code status}, {@code body} when
   * given, and exactly {@code challenges} when given.
   */
  private static void expect(HttpHandler handler, TestExchange exchange, int status, byte[] body,
      List<String> challenges) throws IOException {
    Answer answer = Answer.of(handler, exchange);
    if (answer.status() != status || (body != null && !Arrays.equals(body, answer.body()))
        || (challenges != null && !challenges.equals(answer.headers().get("WWW-Authenticate")))) {
      throw new IllegalStateException(handler + " answered " + answer + "; expected " + status + " "
          + (body == null ? "" : new String(body, StandardCharsets.UTF_8) + " ") + challenges);
    }
  }
}
