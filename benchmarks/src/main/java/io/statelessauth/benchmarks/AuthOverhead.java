package io.statelessauth.benchmarks;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import io.statelessauth.benchmarks.app.Accounts;
import io.statelessauth.testing.TestExchange;
import io.statelessauth.testing.TestRequest;
import io.statelessauth.testing.TestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * One authenticated {@code GET /secret} through each path, on the test kit's in-memory {@link
 * TestExchange} (one per request kind, {@link TestExchange#reset() reset} before each request) and
 * {@code HashMap} loaders, so that only the authentication path is measured; the unknown-token
 * refusal (401) through the hand-written and generated paths; the 0.2 routes: optional (with a
 * token, and anonymous without one), one that requires a role, and a manager with a cache; and the
 * generated path as a user's test runs it, through {@link TestRequest#send}. Each method returns the
 * status, and {@link #checkEveryPath()} makes sure every path answers as it should (the two refusals
 * with the same headers and body) before anything is timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class AuthOverhead {
  private final TestRequest authorizedRequest = TestRequest.get("/secret").bearer(Accounts.validToken());
  private final TestExchange authorized = authorizedRequest.exchange();
  private final TestExchange unknownToken = TestRequest.get("/secret").bearer(Accounts.unknownToken()).exchange();
  private final TestExchange anonymous = TestRequest.get("/secret").exchange();

  private HttpHandler bare;
  private HttpHandler handWritten;
  private HttpHandler generated;
  private HttpHandler reflective;
  private HttpHandler filter;
  private HttpHandler generatedCached;
  private HttpHandler generatedOptional;
  private HttpHandler generatedWithRole;

  /**
   * Builds every path and checks its answers byte for byte: every authenticated path the bare
   * handler's status and body, the optional route's anonymous answer the stranger's greeting, and
   * the two refusals the same status, headers and body.
   */
  @Setup
  public void checkEveryPath() throws IOException {
    Paths paths = new Paths();
    bare = paths.bare();
    handWritten = paths.handWritten();
    generated = paths.generated();
    reflective = paths.reflective();
    filter = paths.filter();
    generatedCached = paths.generatedCached();
    generatedOptional = paths.generatedOptional();
    generatedWithRole = paths.generatedWithRole();
    Answer greeting = Answer.of(bare, authorized);
    for (HttpHandler path : new HttpHandler[] {handWritten, generated, reflective, filter, generatedCached,
        generatedOptional, generatedWithRole}) {
      expect(path, authorized, greeting);
    }
    expect(generatedOptional, anonymous,
        new Answer(200, new Headers(), "hello stranger".getBytes(StandardCharsets.UTF_8)));
    Answer refusal = Answer.of(handWritten, unknownToken);
    if (refusal.status() != 401) {
      throw new IllegalStateException("the hand-written refusal answered " + refusal);
    }
    expect(generated, unknownToken, refusal);
    TestResponse throughKit = authorizedRequest.send(generated);
    if (throughKit.status() != greeting.status() || !Arrays.equals(throughKit.body(), greeting.body())) {
      throw new IllegalStateException("the test kit's request answered " + throughKit);
    }
  }

  /** The handler alone, no authentication: the floor. */
  @Benchmark
  public int bare() throws IOException {
    return Answer.serve(bare, authorized);
  }

  /** The same steps written inline by hand. */
  @Benchmark
  public int handWritten() throws IOException {
    return Answer.serve(handWritten, authorized);
  }

  /** The wrapper the processor generated. */
  @Benchmark
  public int generated() throws IOException {
    return Answer.serve(generated, authorized);
  }

  /** The generated wrapper over a manager with an {@code AuthCache}, the token already cached: a hit. */
  @Benchmark
  public int generatedCached() throws IOException {
    return Answer.serve(generatedCached, authorized);
  }

  /** The generated wrapper of an optional route, for a request with a valid token. */
  @Benchmark
  public int generatedOptional() throws IOException {
    return Answer.serve(generatedOptional, authorized);
  }

  /** The generated wrapper of an optional route, for a request without credentials: anonymous. */
  @Benchmark
  public int generatedOptionalAnonymous() throws IOException {
    return Answer.serve(generatedOptional, anonymous);
  }

  /** The generated wrapper of a route that requires a role the user holds. */
  @Benchmark
  public int generatedWithRole() throws IOException {
    return Answer.serve(generatedWithRole, authorized);
  }

  /** Annotation read and loaders and handler called through {@code java.lang.reflect}, per request. */
  @Benchmark
  public int reflective() throws IOException {
    return Answer.serve(reflective, authorized);
  }

  /** The runtime's {@code Filter}, with a new chain per request as the JDK's server makes. */
  @Benchmark
  public int filter() throws IOException {
    return Answer.serve(filter, authorized);
  }

  /**
   * The generated wrapper as a user's test calls it: {@code TestRequest.send}, with a new exchange and
   * a new {@code TestResponse} per request.
   */
  @Benchmark
  public int throughTestKit() {
    return authorizedRequest.send(generated).status();
  }

  /** The hand-written path refusing an unknown token with 401. */
  @Benchmark
  public int handWrittenUnknownToken() throws IOException {
    return Answer.serve(handWritten, unknownToken);
  }

  /** The generated wrapper refusing an unknown token with 401. */
  @Benchmark
  public int generatedUnknownToken() throws IOException {
    return Answer.serve(generated, unknownToken);
  }

  /** Fails unless {@code handler} answers {@code expected}'s status and body, and its headers when it has any. */
  private static void expect(HttpHandler handler, TestExchange exchange, Answer expected) throws IOException {
    Answer actual = Answer.of(handler, exchange);
    boolean headersMatch = expected.headers().isEmpty() || expected.headers().equals(actual.headers());
    if (actual.status() != expected.status() || !Arrays.equals(actual.body(), expected.body()) || !headersMatch) {
      throw new IllegalStateException(handler + " answered " + actual + "; expected " + expected);
    }
  }
}
