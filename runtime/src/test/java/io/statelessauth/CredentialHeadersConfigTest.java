package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Schemes read from headers of their own: {@code credentialHeader(headerName, scheme)} and the
 * {@code CREDENTIAL_HEADERS} key, with every mistake an error that names the method or the key.
 */
class CredentialHeadersConfigTest {

  private static String rejected(Executable executable) {
    return assertThrows(IllegalArgumentException.class, executable).getMessage();
  }

  private static StatelessAuthConfig fromProperties(String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return StatelessAuthConfig.fromProperties(properties);
  }

  @Test
  void noHeaderIsBoundByDefaultAndEverySchemeIsReadFromTheAuthHeader() {
    StatelessAuthConfig config = StatelessAuthConfig.defaults();

    assertEquals(Map.of(), config.credentialHeaders());
    assertEquals("Authorization", config.headerOf("ApiKey"));
    assertFalse(config.hasOwnHeader("Bearer"));
  }

  @Test
  void boundHeadersAreKeptInOrderAndFoundByTheirSchemeInAnyCase() {
    StatelessAuthConfig config = StatelessAuthConfig.builder()
        .credentialHeader("X-API-Key", "ApiKey")
        .credentialHeader("X-Robot", "Robot")
        .build();

    assertEquals(List.of("X-API-Key", "X-Robot"), List.copyOf(config.credentialHeaders().keySet()));
    assertEquals(List.of("ApiKey", "Robot"), List.copyOf(config.credentialHeaders().values()));
    assertEquals("X-API-Key", config.headerOf("apikey"));
    assertTrue(config.hasOwnHeader("ROBOT"));
    assertEquals("Authorization", config.headerOf("Bearer"));
    assertThrows(UnsupportedOperationException.class, () -> config.credentialHeaders().put("X-More", "More"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "X API Key", "X-API-Key:", "X-Cl\u00e9", "X\r\nKey"})
  void aHeaderNameThatIsNoTokenIsRefusedNamingTheMethod(String headerName) {
    assertEquals("credentialHeader header name must be an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~),"
        + " was '" + headerName + "'",
        rejected(() -> StatelessAuthConfig.builder().credentialHeader(headerName, "ApiKey")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Api Key", "Api\"Key", "K\u00e9y"})
  void aSchemeThatIsNoTokenIsRefusedNamingTheMethod(String scheme) {
    assertEquals("credentialHeader scheme must be an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~),"
        + " was '" + scheme + "'", rejected(() -> StatelessAuthConfig.builder().credentialHeader("X-API-Key", scheme)));
  }

  @Test
  void aHeaderBoundTwiceInAnyCaseIsRefused() {
    StatelessAuthConfig.Builder builder = StatelessAuthConfig.builder().credentialHeader("X-API-Key", "ApiKey");

    assertEquals("credentialHeader binds the header x-api-key twice",
        rejected(() -> builder.credentialHeader("x-api-key", "Other")));
  }

  @Test
  void aSchemeBoundTwiceInAnyCaseIsRefused() {
    StatelessAuthConfig.Builder builder = StatelessAuthConfig.builder().credentialHeader("X-API-Key", "ApiKey");

    assertEquals("credentialHeader binds the scheme APIKEY to two headers, X-API-Key and X-Key",
        rejected(() -> builder.credentialHeader("X-Key", "APIKEY")));
  }

  @Test
  void bindingTheAuthHeaderItselfIsRefusedWhicheverIsSetFirst() {
    assertEquals("credentialHeader cannot bind authorization: it is the authHeader, which carries every scheme"
        + " not bound to a header of its own",
        rejected(() -> StatelessAuthConfig.builder().credentialHeader("authorization", "ApiKey")));
    StatelessAuthConfig.Builder later =
        StatelessAuthConfig.builder().credentialHeader("X-Token", "Token").authHeader("X-TOKEN");
    assertEquals("credentialHeader cannot bind X-Token: it is the authHeader, which carries every scheme"
        + " not bound to a header of its own", rejected(later::build));
  }

  @Test
  void nullsAreRefusedByName() {
    assertEquals("headerName", assertThrows(NullPointerException.class,
        () -> StatelessAuthConfig.builder().credentialHeader(null, "ApiKey")).getMessage());
    assertEquals("scheme", assertThrows(NullPointerException.class,
        () -> StatelessAuthConfig.builder().credentialHeader("X-API-Key", null)).getMessage());
  }

  @Test
  void thePropertiesKeyBindsEachPairInOrderIgnoringWhiteSpace() {
    StatelessAuthConfig config = fromProperties("CREDENTIAL_HEADERS", " X-API-Key = ApiKey ,X-Robot=Robot ");

    assertEquals(List.of("X-API-Key", "X-Robot"), List.copyOf(config.credentialHeaders().keySet()));
    assertEquals("Robot", config.credentialHeaders().get("X-Robot"));
  }

  @Test
  void aBlankPropertiesValueBindsNothing() {
    assertEquals(Map.of(), fromProperties("CREDENTIAL_HEADERS", "  ").credentialHeaders());
  }

  @Test
  void everyMistakeInThePropertiesValueNamesTheKey() {
    assertEquals("CREDENTIAL_HEADERS must be header=scheme pairs separated by commas, such as X-API-Key=ApiKey;"
        + " was 'X-API-Key'", rejected(() -> fromProperties("CREDENTIAL_HEADERS", "X-API-Key")));
    assertEquals("CREDENTIAL_HEADERS must be header=scheme pairs separated by commas, such as X-API-Key=ApiKey;"
        + " was 'X-API-Key=ApiKey,'", rejected(() -> fromProperties("CREDENTIAL_HEADERS", "X-API-Key=ApiKey,")));
    assertTrue(rejected(() -> fromProperties("CREDENTIAL_HEADERS", "=ApiKey"))
        .startsWith("CREDENTIAL_HEADERS header name must be an RFC 9110 token"));
    assertTrue(rejected(() -> fromProperties("CREDENTIAL_HEADERS", "X API=ApiKey"))
        .startsWith("CREDENTIAL_HEADERS header name must be an RFC 9110 token"));
    assertTrue(rejected(() -> fromProperties("CREDENTIAL_HEADERS", "X-API-Key="))
        .startsWith("CREDENTIAL_HEADERS scheme must be an RFC 9110 token"));
    assertEquals("CREDENTIAL_HEADERS binds the header X-Api-Key twice",
        rejected(() -> fromProperties("CREDENTIAL_HEADERS", "X-API-Key=ApiKey,X-Api-Key=Other")));
    assertEquals("CREDENTIAL_HEADERS binds the scheme ApiKey to two headers, X-API-Key and X-Other",
        rejected(() -> fromProperties("CREDENTIAL_HEADERS", "X-API-Key=ApiKey,X-Other=ApiKey")));
    assertEquals("CREDENTIAL_HEADERS cannot bind X-Token: it is the authHeader, which carries every scheme"
        + " not bound to a header of its own",
        rejected(() -> fromProperties("AUTH_HEADER", "X-Token", "CREDENTIAL_HEADERS", "X-Token=Token")));
  }
}
