package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ManagerBuilder}: the settings every manager's builder shares, their defaults and checks. */
class ManagerBuilderTest {

  @Test
  void unsetSettingsAreTheDefaults() {
    TestManager.Builder builder = TestManager.builder();

    assertSame(StatelessAuthConfig.defaults(), builder.configuredConfig());
    assertSame(AuthErrorHandler.json(), builder.configuredErrorHandler());
    assertSame(AuthListener.NONE, builder.configuredListener());
    assertEquals(null, builder.configuredCache());
  }

  @Test
  void everySetterReturnsTheConcreteBuilderAndKeepsItsValue() {
    StatelessAuthConfig config = StatelessAuthConfig.builder().realm("shop").build();
    AuthErrorHandler errorHandler = (exchange, error) -> {};
    AuthListener listener = new AuthListener() {};
    AuthCache cache = AuthCache.builder().maximumSize(1).expireAfterWrite(Duration.ofSeconds(1)).build();
    TestManager.Builder builder = TestManager.builder();

    assertSame(builder, builder.config(config));
    assertSame(builder, builder.errorHandler(errorHandler));
    assertSame(builder, builder.listener(listener));
    assertSame(builder, builder.cache(cache));

    assertSame(config, builder.configuredConfig());
    assertSame(errorHandler, builder.configuredErrorHandler());
    assertSame(listener, builder.configuredListener());
    assertSame(cache, builder.configuredCache());
    assertEquals("shop", builder.build().config().realm());
  }

  @Test
  void nullSettingsAreRefusedByName() {
    TestManager.Builder builder = TestManager.builder();

    assertEquals("config", assertThrows(NullPointerException.class, () -> builder.config(null)).getMessage());
    assertEquals("errorHandler",
        assertThrows(NullPointerException.class, () -> builder.errorHandler(null)).getMessage());
    assertEquals("listener", assertThrows(NullPointerException.class, () -> builder.listener(null)).getMessage());
    assertEquals("cache", assertThrows(NullPointerException.class, () -> builder.cache(null)).getMessage());
  }

  @Test
  void aCacheGivenToTwoBuildersServesTheFirstManagerOnly() {
    AuthCache cache = AuthCache.builder().maximumSize(1).expireAfterWrite(Duration.ofSeconds(1)).build();
    TestManager.builder().cache(cache).build();

    assertThrows(IllegalArgumentException.class, () -> TestManager.builder().cache(cache).build());
  }
}
