package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.statelessauth.AuthCache;
import io.statelessauth.SecretTokens;
import io.statelessauth.StatelessAuthConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * DESIGN.md's "Several credential kinds on one route" through code the processor generated: access
 * tokens in {@code Authorization: Bearer} and API keys in {@code X-API-Key}, on routes of one
 * scheme and of both, required and optional, with a scope and with roles. For each scheme the
 * cases of the README's request table (missing, another scheme, both at once, a repeated field,
 * malformed, too long, unknown, expired, scope, role) get their status and exactly their {@code
 * WWW-Authenticate} fields: one per accepted scheme in declared order when none is presented, the
 * used scheme's alone once a token was read. Every case runs on a manager without a cache and on
 * one with a cache, which keys its entries by scheme.
 */
class SeveralSchemesEndToEndTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String KEY_HEADER = "X-API-Key";
  private static final String BEARER = "Bearer realm=\"api\"";
  private static final String API_KEY = "ApiKey realm=\"api\"";
  private static final int MAX_TOKEN_LENGTH = 4096;

  private static HttpServer plain;
  private static HttpServer cached;

  @BeforeAll
  static void start() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    plain = serve(null);
    cached = serve(AuthCache.builder().maximumSize(100).expireAfterWrite(Duration.ofMinutes(1)).build());
  }

  @AfterAll
  static void stop() {
    plain.stop(0);
    cached.stop(0);
  }

  private static HttpServer serve(AuthCache cache) throws IOException {
    StatelessAuthManager.Builder builder = StatelessAuthManager.builder()
        .tokenLoader(new StoreTokens())
        .userLoader(new StoreUsers())
        .config(StatelessAuthConfig.builder().credentialHeader(KEY_HEADER, "ApiKey").build());
    if (cache != null) {
      builder.cache(cache);
    }
    StatelessAuthManager manager = builder.build();
    AuthenticatedMachineApi machines = new AuthenticatedMachineApi(new MachineApi(), manager);
    AuthenticatedSecretApi people = new AuthenticatedSecretApi(new SecretApi(), manager);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/either", machines.either());
    server.createContext("/either-key-first", machines.eitherKeyFirst());
    server.createContext("/either-optional", machines.eitherOptional());
    server.createContext("/either-admin", machines.eitherAdmin());
    server.createContext("/either-staff", machines.eitherStaff());
    server.createContext("/key", machines.key());
    server.createContext("/key-optional", machines.keyOptional());
    server.createContext("/key-admin", machines.keyAdmin());
    server.createContext("/key-staff", machines.keyStaff());
    server.createContext("/bearer", people.staff());
    server.createContext("/bearer-any", people.secret());
    server.createContext("/bearer-optional", people.greet());
    server.createContext("/bearer-admin", people.admin());
    server.start();
    return server;
  }

  /** One scheme as a test presents it: its header, how a token is written in it, its fixtures. */
  private enum Scheme {
    BEARER_TOKEN("Bearer", "Authorization", BEARER, "alice-access", "alice-admin", "alice-expired", "bob-access"),
    KEY("ApiKey", KEY_HEADER, API_KEY, "alice-key", "alice-admin-key", "alice-expired-key", "bob-key");

    final String name;
    final String header;
    final String challenge;
    final String valid;
    final String admin;
    final String expired;
    final String withoutRole;

    Scheme(String name, String header, String challenge, String valid, String admin, String expired,
        String withoutRole) {
      this.name = name;
      this.header = header;
      this.challenge = challenge;
      this.valid = valid;
      this.admin = admin;
      this.expired = expired;
      this.withoutRole = withoutRole;
    }

    /** The header and value that present {@code token} with this scheme. */
    String[] present(String token) {
      return new String[] {header, header.equals("Authorization") ? "Bearer " + token : token};
    }

    Scheme other() {
      return this == BEARER_TOKEN ? KEY : BEARER_TOKEN;
    }

    /** The challenge of a refusal after the token was read: this scheme's, with the error. */
    String challenge(String error, String description) {
      return challenge + ", error=\"" + error + "\", error_description=\"" + description + "\"";
    }
  }

  /** One request and what it must get: a status, a body when it matters, the challenges exactly. */
  private record Case(String name, String path, String[] headers, int status, String body, List<String> challenges) {}

  @TestFactory
  Stream<DynamicTest> everyCaseOfEverySchemeOnRoutesOfOneAndTwoSchemes() {
    List<Case> cases = new ArrayList<>();
    for (Scheme scheme : Scheme.values()) {
      String one = scheme == Scheme.KEY ? "/key" : "/bearer-any";
      String oneOptional = scheme == Scheme.KEY ? "/key-optional" : "/bearer-optional";
      String oneAdmin = scheme == Scheme.KEY ? "/key-admin" : "/bearer-admin";
      String oneStaff = scheme == Scheme.KEY ? "/key-staff" : "/bearer";
      List<String> bare = List.of(scheme.challenge);
      String s = scheme.name + ": ";

      // Missing, and another scheme only: the route's bare challenges, or anonymous.
      cases.add(new Case(s + "missing, one scheme", one, new String[0], 401, null, bare));
      cases.add(new Case(s + "missing, one scheme, optional", oneOptional, new String[0], 200, null, List.of()));
      cases.add(new Case(s + "another scheme only, one scheme", one, scheme.other().present(scheme.other().valid),
          401, null, bare));
      cases.add(new Case(s + "another scheme only, one scheme, optional", oneOptional,
          scheme.other().present(scheme.other().valid), 200, null, List.of()));
      cases.add(new Case(s + "the Authorization field naming the scheme it is bound away from", "/key",
          new String[] {"Authorization", "ApiKey alice-key"}, 401, null, List.of(API_KEY)));

      // Valid, and the kinds told apart.
      cases.add(new Case(s + "valid, one scheme", oneStaff, scheme.present(scheme.valid), 200,
          scheme == Scheme.KEY ? "alice " + SecretTokens.hash(scheme.valid) : "staff alice", List.of()));
      cases.add(new Case(s + "valid, two schemes", "/either", scheme.present(scheme.valid), 200,
          "alice " + SecretTokens.hash(scheme.valid), List.of()));
      cases.add(new Case(s + "valid, two schemes, optional", "/either-optional", scheme.present(scheme.valid), 200,
          "alice", List.of()));
      cases.add(new Case(s + "the other kind's token under this scheme is unknown", "/either",
          scheme.present(scheme.other().valid), 401, null,
          List.of(scheme.challenge("invalid_token", "Invalid access token"))));

      // Both schemes at once: 400 on a route that reads both, required or optional; a route of one
      // scheme reads its own header only.
      String[] both = concat(scheme.present(scheme.valid), scheme.other().present(scheme.other().valid));
      String several = "Credentials for more than one of Bearer, ApiKey";
      List<String> bothChallenges = List.of(Scheme.BEARER_TOKEN.challenge("invalid_request", several),
          Scheme.KEY.challenge("invalid_request", several));
      cases.add(new Case(s + "both schemes at once, two schemes", "/either", both, 400, null, bothChallenges));
      cases.add(new Case(s + "both schemes at once, two schemes, optional", "/either-optional", both, 400, null,
          bothChallenges));
      cases.add(new Case(s + "both schemes at once, one scheme", one, both, 200, null, List.of()));

      // A repeated field, malformed, too long: 400 invalid_request, this scheme's challenge.
      String[] repeated = concat(scheme.present(scheme.valid), scheme.present(scheme.valid));
      String repeatedText = "More than one " + scheme.header + " header";
      for (String path : List.of(one, "/either", "/either-optional", oneOptional)) {
        cases.add(new Case(s + "repeated field on " + path, path, repeated, 400, null,
            List.of(scheme.challenge("invalid_request", repeatedText))));
      }
      String malformedText = scheme.header + " header must be '" + (scheme == Scheme.KEY ? "" : "Bearer ") + "<token>'";
      String tooLongText = scheme.name + " token longer than " + MAX_TOKEN_LENGTH + " characters";
      for (String path : List.of(one, "/either", "/either-optional")) {
        cases.add(new Case(s + "malformed on " + path, path, scheme.present("not a token"), 400, null,
            List.of(scheme.challenge("invalid_request", malformedText))));
        cases.add(new Case(s + "too long on " + path, path, scheme.present("a".repeat(MAX_TOKEN_LENGTH + 1)), 400,
            null, List.of(scheme.challenge("invalid_request", tooLongText))));
        cases.add(new Case(s + "as long as allowed on " + path, path, scheme.present("a".repeat(MAX_TOKEN_LENGTH)),
            401, null, List.of(scheme.challenge("invalid_token", "Invalid access token"))));
        // Unknown and expired: 401 invalid_token, this scheme's challenge (optional routes too).
        cases.add(new Case(s + "unknown on " + path, path, scheme.present("stolen"), 401, null,
            List.of(scheme.challenge("invalid_token", "Invalid access token"))));
        cases.add(new Case(s + "expired on " + path, path, scheme.present(scheme.expired), 401, null,
            List.of(scheme.challenge("invalid_token", "access token expired"))));
      }

      // Scope and role: 403 with this scheme's challenge.
      for (String path : List.of(oneAdmin, "/either-admin")) {
        cases.add(new Case(s + "scope missing on " + path, path, scheme.present(scheme.valid), 403, null,
            List.of(scheme.challenge("insufficient_scope", "Insufficient scope") + ", scope=\"admin\"")));
        cases.add(new Case(s + "scope granted on " + path, path, scheme.present(scheme.admin), 200, null, List.of()));
      }
      for (String path : List.of(oneStaff, "/either-staff")) {
        cases.add(new Case(s + "role missing on " + path, path, scheme.present(scheme.withoutRole), 403, null,
            List.of(scheme.challenge("insufficient_scope", "Insufficient role"))));
        cases.add(new Case(s + "role held on " + path, path, scheme.present(scheme.valid), 200, null, List.of()));
      }
    }
    // The challenge order is the route's: one field per scheme, in declared order.
    cases.add(new Case("two schemes, nothing presented", "/either", new String[0], 401, null,
        List.of(BEARER, API_KEY)));
    cases.add(new Case("two schemes, blank fields", "/either", new String[] {"Authorization", " ", KEY_HEADER, " "},
        401, null, List.of(BEARER, API_KEY)));
    cases.add(new Case("two schemes, another scheme only", "/either", new String[] {"Authorization", "Basic YTpi"},
        401, null, List.of(BEARER, API_KEY)));
    cases.add(new Case("two schemes declared key first, nothing presented", "/either-key-first", new String[0], 401,
        null, List.of(API_KEY, BEARER)));
    cases.add(new Case("two schemes, optional, nothing presented", "/either-optional", new String[0], 200,
        "anonymous", List.of()));

    return Stream.concat(
        cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(plain, c))),
        cases.stream().map(c -> DynamicTest.dynamicTest(c.name() + " (cached)", () -> check(cached, c))));
  }

  /**
   * The cache keys entries by scheme: one string presented as a key and as a bearer token is two
   * entries, each loaded once; {@code invalidateHash} of its hash, as a revocation from another
   * instance arrives, forgets both, so that a revoked key is never answered from the cache.
   */
  @Test
  void invalidateHashForgetsATokenUnderEverySchemeTheCacheHoldsItBy() throws Exception {
    String secret = "shared-" + UUID.randomUUID();
    Faults.issue(secret);
    Faults.issueKey(secret);
    List<String> loads = new CopyOnWriteArrayList<>();
    StoreTokens store = new StoreTokens();
    StatelessAuthManager manager = StatelessAuthManager.builder()
        .tokenLoader((token, tokenType, authType) -> {
          if (token.equals(secret)) {
            loads.add(authType);
          }
          return store.load(token, tokenType, authType);
        })
        .userLoader(new StoreUsers())
        .config(StatelessAuthConfig.builder().credentialHeader(KEY_HEADER, "ApiKey").build())
        .cache(AuthCache.builder().maximumSize(100).expireAfterWrite(Duration.ofMinutes(1)).build())
        .build();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/either", new AuthenticatedMachineApi(new MachineApi(), manager).either());
    server.start();
    try {
      String body = "alice " + SecretTokens.hash(secret);
      Case asKey = new Case("as a key", "/either", Scheme.KEY.present(secret), 200, body, List.of());
      Case asBearer = new Case("as a bearer token", "/either", Scheme.BEARER_TOKEN.present(secret), 200, body,
          List.of());
      for (int i = 0; i < 3; i++) {
        check(server, asKey);
        check(server, asBearer);
      }
      assertEquals(List.of("ApiKey", "Bearer"), loads, "one entry per scheme, each loaded once");

      manager.invalidateHash(SecretTokens.hash(secret));

      check(server, asKey);
      check(server, asBearer);
      assertEquals(List.of("ApiKey", "Bearer", "ApiKey", "Bearer"), loads, "both entries forgotten");
    } finally {
      server.stop(0);
    }
  }

  private static void check(HttpServer server, Case c) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + c.path()));
    for (int i = 0; i < c.headers().length; i += 2) {
      request.header(c.headers()[i], c.headers()[i + 1]);
    }
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(c.status(), response.statusCode(), response::body);
    if (c.body() != null) {
      assertEquals(c.body(), response.body());
    }
    assertEquals(c.challenges(), response.headers().allValues("WWW-Authenticate"));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
