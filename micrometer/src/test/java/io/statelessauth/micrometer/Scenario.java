package io.statelessauth.micrometer;

import io.statelessauth.AuthFailure;
import io.statelessauth.StatelessAuthError;
import io.statelessauth.testsupport.RawHttp;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One request that the runtime answers with a known outcome, and the data that makes it so. Every
 * scenario is built from one token and one user name, which it puts wherever the request lets it:
 * in the header, in the loaders' data, in an application's error message.
 *
 * @param status the status the request is answered with
 * @param data what the loaders must know (or fail with) for that outcome
 * @param route the route, one of {@link AuthServer}'s
 * @param headerLines the request's header lines
 */
record Scenario(int status, Consumer<Directory> data, String route, List<String> headerLines) {

  /** An authorized request: a valid token with the scope {@code read} for an active user. */
  static Scenario authorized(String token, String userName) {
    return new Scenario(200, knownUser(token, userName), AuthServer.READER, List.of(bearer(token)));
  }

  /**
   * An anonymous request on the optional route: it carries the token under a scheme the route does
   * not take, which counts as no credentials.
   */
  static Scenario anonymous(String token, String userName) {
    return new Scenario(200, knownUser(token, userName), AuthServer.OPTIONAL,
        List.of("Authorization: Basic " + token));
  }

  /** A request the runtime refuses for {@code reason}. */
  static Scenario refused(AuthFailure reason, String token, String userName) {
    String bearer = bearer(token);
    // No default: a new AuthFailure constant does not compile here until it has its scenario.
    return switch (reason) {
      case MISSING_CREDENTIALS ->
          new Scenario(401, knownUser(token, userName), AuthServer.READER, List.of("Authorization: Basic " + token));
      case MULTIPLE_CREDENTIALS ->
          new Scenario(400, knownUser(token, userName), AuthServer.READER, List.of(bearer, bearer));
      case MALFORMED_CREDENTIALS ->
          new Scenario(400, knownUser(token, userName), AuthServer.READER, List.of(bearer + " " + userName));
      case UNKNOWN_TOKEN ->
          new Scenario(401, directory -> directory.member(Member.active(userName)), AuthServer.READER, List.of(bearer));
      case EXPIRED_TOKEN -> new Scenario(401,
          directory -> directory.badge(token, new Badge(userName, Set.of("read"), true)).member(Member.active(userName)),
          AuthServer.READER, List.of(bearer));
      case INSUFFICIENT_SCOPE -> new Scenario(403,
          directory -> directory.badge(token, Badge.of(userName, "write")).member(Member.active(userName)),
          AuthServer.READER, List.of(bearer));
      case INACTIVE_USER -> new Scenario(401,
          directory -> directory.badge(token, Badge.of(userName, "read")).member(new Member(userName, false, Set.of())),
          AuthServer.READER, List.of(bearer));
      case INSUFFICIENT_ROLE ->
          new Scenario(403, knownUser(token, userName), AuthServer.ADMIN, List.of(bearer));
      case UNKNOWN_USER -> new Scenario(500, directory -> directory.badge(token, Badge.of(userName, "read")),
          AuthServer.READER, List.of(bearer));
      case APPLICATION -> new Scenario(423,
          directory -> directory.failTokenLoads(
              new StatelessAuthError("the account of " + userName + " is locked", 423, "Locked")),
          AuthServer.READER, List.of(bearer));
      case SERVER_ERROR -> new Scenario(500,
          directory -> directory.failTokenLoads(new IllegalStateException("the database is down")),
          AuthServer.READER, List.of(bearer));
    };
  }

  /** Gives {@code directory} this scenario's data and sends its request to {@code server}. */
  RawHttp.Response run(Directory directory, AuthServer server) throws IOException {
    data.accept(directory);
    return server.get(route, headerLines.toArray(String[]::new));
  }

  private static Consumer<Directory> knownUser(String token, String userName) {
    return directory -> directory.badge(token, Badge.of(userName, "read")).member(Member.active(userName));
  }

  private static String bearer(String token) {
    return "Authorization: Bearer " + token;
  }
}
