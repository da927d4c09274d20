package io.statelessauth.benchmarks;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statelessauth.AuthListener;
import io.statelessauth.benchmarks.app.Accounts;
import io.statelessauth.benchmarks.app.AuthenticatedSecretApi;
import io.statelessauth.benchmarks.app.SecretApi;
import io.statelessauth.benchmarks.app.StatelessAuthManager;
import io.statelessauth.micrometer.MicrometerAuthListener;
import io.statelessauth.testing.TestExchange;
import io.statelessauth.testing.TestRequest;
import java.io.IOException;
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
 * What {@code MicrometerAuthListener} adds to a request: the generated handler of {@link
 * AuthOverhead} over a manager without a listener and over one that counts every outcome in a
 * {@link SimpleMeterRegistry}, for an authorized request, an unknown token (401) and an anonymous
 * request on the optional route. Set up as {@link AuthOverhead} is (the test kit's {@link TestExchange},
 * {@code HashMap} loaders, {@link Paths#CONFIG}); {@link #checkEveryPath()} makes sure each pair
 * answers alike and that the listener counted each request before anything is timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ListenerOverhead {
  private final TestExchange authorized = TestRequest.get("/secret").bearer(Accounts.validToken()).exchange();
  private final TestExchange unknownToken = TestRequest.get("/secret").bearer(Accounts.unknownToken()).exchange();
  private final TestExchange anonymous = TestRequest.get("/secret").exchange();
  private final MeterRegistry registry = new SimpleMeterRegistry();

  private HttpHandler generated;
  private HttpHandler generatedWithListener;
  private HttpHandler generatedOptional;
  private HttpHandler generatedOptionalWithListener;

  /**
   * Builds both managers and serves one request of each kind through each handler: the same
   * status with and without the listener, and one count per request under its outcome.
   */
  @Setup
  public void checkEveryPath() throws IOException {
    Accounts accounts = new Accounts();
    SecretApi api = new SecretApi();
    AuthenticatedSecretApi plain = new AuthenticatedSecretApi(api, manager(accounts, AuthListener.NONE));
    AuthenticatedSecretApi counted =
        new AuthenticatedSecretApi(api, manager(accounts, new MicrometerAuthListener(registry)));
    generated = plain.secret();
    generatedWithListener = counted.secret();
    generatedOptional = plain.greet();
    generatedOptionalWithListener = counted.greet();

    expect(200, generated, generatedWithListener, authorized, "authorized", "none");
    expect(401, generated, generatedWithListener, unknownToken, "refused", "unknown_token");
    expect(200, generatedOptional, generatedOptionalWithListener, anonymous, "anonymous", "none");
  }

  /** The generated wrapper, no listener: the baseline. */
  @Benchmark
  public int generated() throws IOException {
    return Answer.serve(generated, authorized);
  }

  /** The same, counting the authorized request. */
  @Benchmark
  public int generatedWithListener() throws IOException {
    return Answer.serve(generatedWithListener, authorized);
  }

  /** The generated wrapper refusing an unknown token with 401, no listener. */
  @Benchmark
  public int generatedUnknownToken() throws IOException {
    return Answer.serve(generated, unknownToken);
  }

  /** The same refusal, counted under {@code unknown_token}. */
  @Benchmark
  public int generatedUnknownTokenWithListener() throws IOException {
    return Answer.serve(generatedWithListener, unknownToken);
  }

  /** The optional route without credentials, no listener. */
  @Benchmark
  public int generatedOptionalAnonymous() throws IOException {
    return Answer.serve(generatedOptional, anonymous);
  }

  /** The same anonymous request, counted. */
  @Benchmark
  public int generatedOptionalAnonymousWithListener() throws IOException {
    return Answer.serve(generatedOptionalWithListener, anonymous);
  }

  private static StatelessAuthManager manager(Accounts accounts, AuthListener listener) {
    return StatelessAuthManager.builder()
        .tokenLoader(accounts.tokenLoader())
        .userLoader(accounts.userLoader())
        .config(Paths.CONFIG)
        .listener(listener)
        .build();
  }

  /** Fails unless both handlers answer {@code status} and the listener counted one more {@code outcome}. */
  private void expect(int status, HttpHandler without, HttpHandler with, TestExchange exchange,
      String outcome, String reason) throws IOException {
    double before = count(outcome, reason);
    int answered = Answer.serve(without, exchange);
    int answeredCounted = Answer.serve(with, exchange);
    if (answered != status || answeredCounted != status || count(outcome, reason) != before + 1) {
      throw new IllegalStateException("expected " + status + " and one more " + outcome + "/" + reason
          + "; answered " + answered + " without the listener, " + answeredCounted + " with it, counted "
          + (count(outcome, reason) - before));
    }
  }

  private double count(String outcome, String reason) {
    return registry.get("stateless.auth.requests").tag("outcome", outcome).tag("reason", reason).counter().count();
  }
}
