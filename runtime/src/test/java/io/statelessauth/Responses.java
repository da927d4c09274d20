package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statelessauth.testsupport.RawHttp;
import java.net.http.HttpResponse;
import java.util.List;

/** Assertions on refusals, the same for client and raw-socket responses. */
final class Responses {
  static final String JSON = "application/json; charset=utf-8";
  static final String BARE_CHALLENGE = "Bearer realm=\"api\"";

  private Responses() {}

  /** The challenge of a refusal with an RFC 6750 error code, for the default realm and scheme. */
  static String challenge(String errorCode, String description) {
    return BARE_CHALLENGE + ", error=\"" + errorCode + "\", error_description=\"" + description + "\"";
  }

  /**
   * Status {@code status}, exactly one {@code WWW-Authenticate} equal to {@code challenge} (none
   * when it is {@code null}) and the default body {@code {"error": "<fullMsg>"}} as UTF-8 JSON.
   */
  static void assertRefused(HttpResponse<String> response, int status, String challenge, String fullMsg) {
    assertEquals(status, response.statusCode(), () -> "status; body " + response.body());
    assertEquals(challenge == null ? List.of() : List.of(challenge),
        response.headers().allValues("WWW-Authenticate"), "WWW-Authenticate");
    assertEquals(List.of(JSON), response.headers().allValues("Content-Type"), "Content-Type");
    assertEquals(fullMsg, Json.errorText(response.body()), "error body");
  }

  static void assertRefused(RawHttp.Response response, int status, String challenge, String fullMsg) {
    assertEquals(status, response.status(), () -> "status; body " + response.body());
    assertEquals(challenge, response.header("WWW-Authenticate"), "WWW-Authenticate");
    assertEquals(JSON, response.header("Content-Type"), "Content-Type");
    assertEquals(fullMsg, Json.errorText(response.body()), "error body");
  }

  static void assertOk(HttpResponse<String> response, String body) {
    assertEquals(200, response.statusCode(), () -> "status; body " + response.body());
    assertEquals(body, response.body());
  }

  static void assertOk(RawHttp.Response response, String body) {
    assertEquals(200, response.status(), () -> "status; body " + response.body());
    assertEquals(body, response.body());
  }
}
