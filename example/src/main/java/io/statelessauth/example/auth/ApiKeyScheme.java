package io.statelessauth.example.auth;

import io.statelessauth.StatelessAuthConfig;
import java.util.Map;

/**
 * The scheme API keys are presented with, {@value #SCHEME}, and the header it is read from: the
 * whole value of {@value #DEFAULT_HEADER} (or the header {@code --api-key-header} names) is the key,
 * as {@code StatelessAuthConfig.credentialHeader} binds it.
 */
public final class ApiKeyScheme {

  /** The scheme of API keys, as the routes that accept them declare it. */
  public static final String SCHEME = "ApiKey";
  /** The header API keys are read from unless {@code --api-key-header} names another. */
  public static final String DEFAULT_HEADER = "X-API-Key";

  private ApiKeyScheme() {}

  /**
   * {@code config} with {@value #SCHEME} read from {@code header}, in place of any header it was
   * bound to before (such as one a {@code CREDENTIAL_HEADERS} key bound).
   *
   * @throws IllegalArgumentException if {@code header} is not an RFC 9110 token, is the {@code
   *     authHeader}, or is bound to another scheme; the message names {@code credentialHeader}
   */
  public static StatelessAuthConfig bind(StatelessAuthConfig config, String header) {
    StatelessAuthConfig.Builder builder = StatelessAuthConfig.builder()
        .authHeader(config.authHeader())
        .defaultAuthType(config.defaultAuthType())
        .defaultTokenType(config.defaultTokenType())
        .addContextProcessor(config.addContextProcessor())
        .realm(config.realm())
        .maxTokenLength(config.maxTokenLength());
    config.preflightHandler().ifPresent(builder::preflightHandler);
    for (Map.Entry<String, String> binding : config.credentialHeaders().entrySet()) {
      if (!binding.getValue().equalsIgnoreCase(SCHEME)) {
        builder.credentialHeader(binding.getKey(), binding.getValue());
      }
    }
    return builder.credentialHeader(header, SCHEME).build();
  }

  /** The header {@code config} reads API keys from, or {@code null} when it binds none. */
  public static String headerOf(StatelessAuthConfig config) {
    for (Map.Entry<String, String> binding : config.credentialHeaders().entrySet()) {
      if (binding.getValue().equalsIgnoreCase(SCHEME)) {
        return binding.getKey();
      }
    }
    return null;
  }
}
