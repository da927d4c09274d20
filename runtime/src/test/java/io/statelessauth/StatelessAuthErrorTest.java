package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StatelessAuthError}: accessors, {@code fullMsg()}, the derived RFC 6750 error code. */
class StatelessAuthErrorTest {

  @Test
  void accessorsReturnWhatWasGiven() {
    StatelessAuthError error = new StatelessAuthError("Token revoked", 401, "Token");

    assertEquals("Token revoked", error.msg());
    assertEquals(401, error.code());
    assertEquals("Token", error.type());
    assertEquals("Token revoked", error.getMessage());
    assertNull(error.getCause());
  }

  @Test
  void anErrorMadeByTheApplicationHasTheReasonApplication() {
    assertEquals(AuthFailure.APPLICATION, new StatelessAuthError("Token revoked", 401, "Token").reason());
    assertEquals(AuthFailure.APPLICATION, new StatelessAuthError("Quota exceeded", 429, "Quota") {}.reason());
  }

  @Test
  void fullMsgIsTypeThenErrorThenMsg() {
    assertEquals("Token error: Token revoked", new StatelessAuthError("Token revoked", 401, "Token").fullMsg());
    assertEquals("Scope error: ", new StatelessAuthError("", 403, "Scope").fullMsg());
  }

  @ParameterizedTest
  @CsvSource({"400,invalid_request", "401,invalid_token", "403,insufficient_scope"})
  void errorCodeFollowsFromTheStatus(int status, String errorCode) {
    assertEquals(Optional.of(errorCode), new StatelessAuthError("x", status, "T").errorCode());
  }

  @ParameterizedTest
  @ValueSource(ints = {402, 404, 405, 409, 429, 499, 500, 503, 599})
  void otherStatusesHaveNoErrorCode(int status) {
    assertEquals(Optional.empty(), new StatelessAuthError("x", status, "T").errorCode());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 200, 302, 399, 600, 1000})
  void statusOutside400To599IsRejected(int status) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StatelessAuthError("x", status, "T"));
    assertTrue(e.getMessage().contains(String.valueOf(status)), e.getMessage());
  }

  @Test
  void nullMsgOrTypeIsRejected() {
    assertThrows(NullPointerException.class, () -> new StatelessAuthError(null, 401, "T"));
    assertThrows(NullPointerException.class, () -> new StatelessAuthError("x", 401, null));
  }

  @Test
  void errorsMadeByApplicationsCarryTheirStackTrace() {
    assertNotEquals(0, new StatelessAuthError("x", 401, "T").getStackTrace().length);
  }

  @Test
  void sharedRuntimeErrorsCarryNoStackTraceAndStayUnchanged() {
    StatelessAuthError shared = BoundRoute.defaults(StatelessAuthConfig.defaults()).refusals().unknownToken;

    shared.addSuppressed(new IllegalStateException("must not stick"));
    shared.fillInStackTrace();

    assertEquals(0, shared.getStackTrace().length);
    assertEquals(0, shared.getSuppressed().length);
    assertThrows(IllegalStateException.class, () -> shared.initCause(new RuntimeException()));
  }

  @Test
  void runtimeErrorsHaveTheDocumentedTypesAndCodes() {
    TestManager manager = new TestManager();
    AuthRoute refresh = manager.route().tokenType("refresh").roles("admin").build();
    RouteRefusals route = new RouteRefusals(manager.config(), refresh, refresh.authType());

    assertEquals("Request error: Missing Authorization header", route.missingCredentials.fullMsg());
    assertEquals(Optional.empty(), route.missingCredentials.errorCode());
    assertEquals(Optional.empty(), route.otherScheme.errorCode());
    assertEquals(401, route.otherScheme.code());
    assertEquals(Optional.of("invalid_request"), route.multipleHeaders.errorCode());
    assertEquals("Token error: Invalid refresh token", route.unknownToken.fullMsg());
    assertEquals("Token error: refresh token expired", route.expiredToken.fullMsg());
    assertEquals("Scope error: Insufficient scope", route.insufficientScope.fullMsg());
    assertEquals(403, route.insufficientScope.code());
    assertEquals("Server error: Internal server error", route.serverError.fullMsg());
    assertEquals(500, route.serverError.code());
    assertEquals("Token error: Invalid User", route.inactiveUser.fullMsg());
    assertEquals("Role error: Insufficient role", route.insufficientRole.fullMsg());
    assertEquals(403, route.insufficientRole.code());
  }
}
