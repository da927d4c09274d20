package io.statelessauth.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.example.cli.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoTest {

  /** What a token from {@code SecretTokens.generate()} looks like. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  @Test
  void theDemoRunsTheWholeSessionAndShowsNoSecret() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Settings settings = Settings.defaults().withDemo(true).withPasswordIterations(1_000);

    int status = Main.demo(settings, print(out), print(err));

    String shown = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertTrue(shown.contains("   > Authorization: Bearer <access token 1>"), shown);
    assertTrue(shown.contains("   < 201 {\"access_token\":\"<access token 2>\""), shown);
    assertTrue(shown.contains("   < 401 "), shown);
    assertTrue(shown.contains("{\"my_username\":\"alice\"}"), shown);
    assertTrue(shown.contains("   > X-API-Key: <api key 1>\n   < 200 {\"my_username\":\"alice\"}"), shown);
    assertTrue(shown.contains("\"name\":\"ci\",\"api_key\":\"<api key 1>\""), shown);
    assertTrue(shown.contains("   > X-API-Key: <api key 1>\n   < 401 "), shown);
    assertTrue(shown.contains("Demo finished: all 19 responses were as expected."), shown);
    assertFalse(TOKEN.matcher(shown).find(), shown);
    assertFalse(shown.contains("correct horse battery staple"), shown);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
