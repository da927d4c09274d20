package io.statelessauth.example.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.statelessauth.StatelessAuthConfig;
import io.statelessauth.example.accounts.Credentials;
import io.statelessauth.example.auth.ApiKeyScheme;
import io.statelessauth.example.routes.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scripted client session against a running service, over real HTTP: register, log in, ask who
 * am I, read the secret, make an API key, use it, list the keys and revoke it, rotate the tokens,
 * see the old tokens refused and the replayed refresh token end the session, log in again, log
 * out, see the token refused. Each request and response is printed, with every token and key
 * shown as a label such as {@code <access token 1>} and the password masked.
 */
public final class Demo {

  private static final String USERNAME = "alice";
  private static final String PASSWORD = "correct horse battery staple";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT)
      .build();
  private final URI base;
  private final StatelessAuthConfig config;
  private final PrintStream out;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private int step;
  private int pairs;
  private int keys;

  /** A demo against the service at {@code base}, which runs with {@code config}. */
  public Demo(URI base, StatelessAuthConfig config, PrintStream out) {
    this.base = base;
    this.config = config;
    this.out = out;
  }

  /**
   * Runs the session.
   *
   * @throws DemoFailure when a response is not the one the script expects
   */
  public void run() throws IOException, InterruptedException {
    Credentials credentials = new Credentials(USERNAME, PASSWORD);
    String shown = Json.write(new Credentials(USERNAME, "********"));

    call("Register a user", post("/user", credentials), shown, 201);
    JsonNode first = call("Log in: a new access and refresh token pair",
        post("/create_token", credentials), shown, 201);
    String access = first.get("access_token").textValue();
    String refresh = first.get("refresh_token").textValue();

    call("Who am I?", bearer("GET", "/whoami", access), null, 200);
    call("Read the secret", bearer("GET", "/secret", access), null, 200);
    apiKeyLifecycle(access);
    JsonNode second = call("Rotate the pair with the refresh token",
        bearer("PUT", "/refresh_token", refresh), null, 201);
    String newAccess = second.get("access_token").textValue();

    call("The new access token works", bearer("GET", "/whoami", newAccess), null, 200);
    call("The old access token is refused", bearer("GET", "/secret", access), null, 401);
    call("The old refresh token is refused: it was used already",
        bearer("PUT", "/refresh_token", refresh), null, 401);
    call("Replaying it ended the session: the new access token is refused too",
        bearer("GET", "/whoami", newAccess), null, 401);
    JsonNode third = call("Log in again", post("/create_token", credentials), shown, 201);
    String lastAccess = third.get("access_token").textValue();
    call("Log out: revoke the pair", bearer("DELETE", "/delete_token", lastAccess), null, 200);
    call("The revoked token is refused", bearer("GET", "/whoami", lastAccess), null, 401);
    call("No user is bound outside an authenticated request",
        request("GET", "/no_current_stateless_user"), null, 200);

    out.println("Demo finished: all " + step + " responses were as expected.");
  }

  /**
   * A machine client's key: made with the access token (shown once), used in its own header,
   * listed without the key, refused where only access tokens go, revoked, then refused.
   */
  private void apiKeyLifecycle(String access) throws IOException, InterruptedException {
    String name = Json.write(Map.of("name", "ci"));
    JsonNode created = call("Make an API key for a machine client (shown this once)",
        bearer("POST", "/api_keys", access).header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(name)), name, 201);
    String key = created.get("api_key").textValue();
    String id = created.get("id").textValue();
    call("The key works on its own header", apiKey("GET", "/whoami", key), null, 200);
    call("List the keys: names and dates, never a key", bearer("GET", "/api_keys", access), null, 200);
    call("A key cannot make keys: that takes an access token", apiKey("POST", "/api_keys", key), null,
        401);
    call("Revoke the key", bearer("DELETE", "/api_keys/" + id, access), null, 200);
    call("The revoked key is refused", apiKey("GET", "/secret", key), null, 401);
  }

  private HttpRequest.Builder apiKey(String method, String path, String key) {
    return request(method, path).header(ApiKeyScheme.headerOf(config), key);
  }

  private HttpRequest.Builder request(String method, String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
        .method(method, BodyPublishers.noBody());
  }

  private HttpRequest.Builder post(String path, Credentials credentials) {
    return request("POST", path)
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(Json.write(credentials)));
  }

  private HttpRequest.Builder bearer(String method, String path, String token) {
    return request(method, path).header(config.authHeader(), config.defaultAuthType() + " " + token);
  }

  /** Sends the request, prints it and its response, and returns the parsed JSON body. */
  private JsonNode call(String title, HttpRequest.Builder builder, String shownBody, int expected)
      throws IOException, InterruptedException {
    HttpRequest request = builder.build();
    out.printf("%d. %s%n", ++step, title);
    out.printf("   > %s %s%n", request.method(), request.uri().getPath());
    request.headers().firstValue(config.authHeader())
        .ifPresent(value -> out.printf("   > %s: %s%n", config.authHeader(), redact(value)));
    String keyHeader = ApiKeyScheme.headerOf(config);
    request.headers().firstValue(keyHeader)
        .ifPresent(value -> out.printf("   > %s: %s%n", keyHeader, redact(value)));
    if (shownBody != null) {
      out.printf("   > %s%n", shownBody);
    }
    HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
    JsonNode body = Json.parse(response.body());
    labelTokens(body);
    out.printf("   < %d %s%n", response.statusCode(), redact(response.body()));
    response.headers().firstValue("WWW-Authenticate")
        .ifPresent(challenge -> out.printf("   < WWW-Authenticate: %s%n", challenge));
    out.println();
    if (response.statusCode() != expected) {
      throw new DemoFailure("step " + step + " (" + title + ") answered "
          + response.statusCode() + ", expected " + expected);
    }
    return body;
  }

  /** Gives the tokens of a new pair the labels they are printed as. */
  private void labelTokens(JsonNode body) {
    if (body.has("api_key")) {
      labels.put(body.get("api_key").textValue(), "api key " + ++keys);
    }
    if (body.has("access_token") && body.has("refresh_token")) {
      pairs++;
      labels.put(body.get("access_token").textValue(), "access token " + pairs);
      labels.put(body.get("refresh_token").textValue(), "refresh token " + pairs);
    }
  }

  private String redact(String text) {
    String result = text;
    for (Map.Entry<String, String> token : labels.entrySet()) {
      result = result.replace(token.getKey(), "<" + token.getValue() + ">");
    }
    return result;
  }

  /** A response the demo's script did not expect. */
  public static final class DemoFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DemoFailure(String message) {
      super(message);
    }
  }
}
