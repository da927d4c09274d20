package io.statelessauth.processor;

import static com.google.testing.compile.Compiler.javac;
import static io.statelessauth.processor.Fixtures.source;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every file generated for each representative shape of input, compared whole with its golden
 * copy in {@code src/test/resources/golden/<shape>/}, as Dagger's {@code GoldenFileRule} does: a
 * change to the generated code shows as a unified diff of the files it touches. After a change
 * that is meant, regenerate the golden files and review their diff in version control:
 *
 * <pre>
 * mvn -B -pl processor -am verify -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
 * </pre>
 *
 * <p>The text compared is what the processor hands to the {@code Filer}; that each shape compiles
 * cleanly is checked where the rule that makes it is.
 */
class GoldenFilesTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** The representative inputs; each one's name is its folder of golden files. */
  enum Shape {
    PLAIN_PAIR(Fixtures.API),
    OPTIONAL_ROUTE(Fixtures.api("""
          @TokenRequired(optional = true)
          void greet(HttpExchange exchange, Optional<User> user, Optional<? extends Token> token) {}
        """)),
    ROLES_AND_SCOPES(Fixtures.api("""
          @TokenRequired(tokenType = "refresh", scopes = {"read", "write"}, roles = {"admin", "support"})
          void purge(Token token, HttpExchange exchange) throws IOException {}

          @TokenRequired(roles = "admin")
          static void audit(HttpExchange exchange) {}
        """)),
    SEVERAL_SCHEMES(Fixtures.api("""
          @TokenRequired(authType = {"Bearer", "ApiKey"})
          void whoami(HttpExchange exchange, User user) {}

          @TokenRequired(authType = "DPoP")
          void bound(HttpExchange exchange) {}
        """)),
    NESTED_CLASS(source("test.Outer", """
        package test;

        import com.sun.net.httpserver.HttpExchange;
        import io.statelessauth.annotations.TokenRequired;

        public class Outer {
          static class Inner {
            @TokenRequired
            void secret(HttpExchange exchange, io.statelessauth.TokenMixin token) {}
          }
        }
        """)),
    INTERFACE_LOADERS(Fixtures.API,
        source("test.Tokens", """
            package test;

            @io.statelessauth.annotations.TokenLoader
            public interface Tokens {
              Token load(String token, String tokenType, String authType);
            }
            """),
        source("test.Users", """
            package test;

            @io.statelessauth.annotations.UserLoader
            public interface Users {
              User load(Token token);
            }
            """));

    private final List<JavaFileObject> sources;

    Shape(JavaFileObject... sources) {
      this.sources = List.of(sources);
    }

    /** The shape's sources beside the standard models and loaders they do not replace. */
    List<JavaFileObject> sources() {
      return Fixtures.withModels(sources);
    }

    Path folder() {
      return GOLDEN.resolve(name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void generatedFilesAreTheGoldenFiles(Shape shape) throws IOException {
    Map<String, String> generated = generate(shape);
    if (UPDATE) {
      write(shape.folder(), generated);
      return;
    }
    Map<String, String> golden = read(shape.folder());
    StringBuilder diffs = new StringBuilder();
    for (String name : union(golden, generated)) {
      List<String> expected = lines(golden.get(name));
      List<String> actual = lines(generated.get(name));
      if (!expected.equals(actual)) {
        UnifiedDiffUtils.generateUnifiedDiff("golden/" + name, "generated/" + name, expected,
                DiffUtils.diff(expected, actual), 3)
            .forEach(line -> diffs.append(line).append('\n'));
      }
    }
    if (diffs.length() > 0) {
      fail("The generated files of " + shape + " differ from " + shape.folder()
          + " (regenerate with -Dgolden.update=true if the change is meant):\n" + diffs);
    }
  }

  /** Every file the processor writes for the shape, by path, as it hands them to the Filer. */
  private static Map<String, String> generate(Shape shape) {
    Map<String, String> files = new TreeMap<>();
    javac()
        .withProcessors(new StatelessAuthProcessor(filer -> file -> {
          String path = file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
          files.put(path, file.toString());
          file.writeTo(filer);
        }))
        .compile(shape.sources());
    return files;
  }

  private static Map<String, String> read(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path file : paths.filter(Files::isRegularFile).collect(Collectors.toList())) {
          files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readString(file));
        }
      }
    }
    return files;
  }

  private static void write(Path folder, Map<String, String> files) throws IOException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path old : paths.filter(Files::isRegularFile).collect(Collectors.toList())) {
          Files.delete(old);
        }
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = folder.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
  }

  private static List<String> union(Map<String, String> golden, Map<String, String> generated) {
    return Stream.concat(golden.keySet().stream(), generated.keySet().stream())
        .distinct().sorted().collect(Collectors.toList());
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : text.lines().collect(Collectors.toList());
  }
}
