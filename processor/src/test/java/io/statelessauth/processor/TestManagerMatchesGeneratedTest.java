package io.statelessauth.processor;

import static io.statelessauth.processor.Fixtures.compileWithModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The runtime's tests drive the manager base class through {@code TestManager}, written by hand
 * because the runtime cannot run the processor on its own tests. This holds it to what the
 * processor generates for models that implement both mixins: the same {@code ModelMixins} and the
 * builder passed to the base class, a builder that extends the runtime's {@code ManagerBuilder},
 * the same methods overridden with the same signatures, and nothing else overridden, so that the
 * runtime's tests exercise exactly the hooks generated code uses.
 */
class TestManagerMatchesGeneratedTest {
  private static final Path TEST_MANAGER =
      Path.of("..", "runtime", "src", "test", "java", "io", "statelessauth", "TestManager.java");
  private static final Pattern SUPER_CALL = Pattern.compile("super\\((ModelMixins\\.\\w+, \\w+)\\);");
  private static final Pattern BUILDER = Pattern.compile("static final class (Builder extends ManagerBuilder<Builder>) \\{");
  private static final Pattern OVERRIDE = Pattern.compile("@Override\\s+(protected|public) (\\w+) (\\w+)\\(([^)]*)\\)");

  @Test
  void testManagerPassesTheSameMixinsAndBuilderAndOverridesTheSameMethodsAsTheGeneratedManager() throws IOException {
    String generated = generatedManager();
    String handWritten = Files.readString(TEST_MANAGER);

    assertEquals(List.of("ModelMixins.TOKEN_AND_USER, builder"), all(SUPER_CALL, generated, 1));
    assertEquals(all(SUPER_CALL, generated, 1), all(SUPER_CALL, handWritten, 1));
    assertEquals(List.of("Builder extends ManagerBuilder<Builder>"), all(BUILDER, generated, 1));
    assertEquals(all(BUILDER, generated, 1), all(BUILDER, handWritten, 1));
    List<String> overrides = overrides(generated);
    assertEquals(List.of("protected Token loadToken(String token, String tokenType, String authType)",
        "protected User loadUser(Token token)"), overrides);
    assertEquals(overrides, overrides(handWritten).stream()
        .map(signature -> signature.replace("TestToken", "Token").replace("TestUser", "User"))
        .collect(Collectors.toList()));
  }

  private static String generatedManager() throws IOException {
    Compilation compilation = compileWithModels(Fixtures.API);
    assertTrue(compilation.errors().isEmpty(), compilation.errors()::toString);
    JavaFileObject manager = compilation.generatedSourceFile("test.StatelessAuthManager").orElseThrow();
    return manager.getCharContent(true).toString();
  }

  private static List<String> overrides(String source) {
    Matcher matcher = OVERRIDE.matcher(source);
    List<String> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(1) + " " + matcher.group(2) + " " + matcher.group(3) + "(" + matcher.group(4) + ")");
    }
    return found;
  }

  private static List<String> all(Pattern pattern, String source, int group) {
    Matcher matcher = pattern.matcher(source);
    List<String> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(group));
    }
    return found;
  }
}
