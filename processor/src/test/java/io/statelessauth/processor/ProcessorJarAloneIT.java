package io.statelessauth.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published processor jar is all a plain {@code javac -processorpath} needs: run after {@code
 * package} by failsafe, this starts the JDK's own {@code javac} in a process of its own with the
 * built jar alone on the processor path (the annotations and the runtime only on the class path, as
 * a user's build has them), so that nothing of this test's class path can stand in for what the jar
 * lacks.
 */
class ProcessorJarAloneIT {
  private static final Path JAR = Path.of(System.getProperty("processor.jar", "target/missing.jar"));

  @TempDir Path dir;

  @Test
  void plainJavacWithOnlyTheJarOnTheProcessorPathGeneratesTheWiring() throws Exception {
    Result result = javac(Fixtures.TOKEN, Fixtures.USER, Fixtures.TOKENS, Fixtures.USERS, Fixtures.API);

    assertEquals(0, result.exitCode(), result.output());
    assertFalse(result.output().contains("NoClassDefFoundError"), result.output());
    assertTrue(Files.exists(dir.resolve("generated/test/StatelessAuthManager.java")));
    assertTrue(Files.exists(dir.resolve("classes/test/AuthenticatedApi.class")));
  }

  @Test
  void plainJavacWithOnlyTheJarOnTheProcessorPathReportsAMistakeOnItsLine() throws Exception {
    JavaFileObject api = Fixtures.api("  @TokenRequired\n  private void secret(HttpExchange exchange) {}");

    Result result = javac(Fixtures.TOKEN, Fixtures.USER, Fixtures.TOKENS, Fixtures.USERS, api);

    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains("Api.java:11: error: @TokenRequired methods must not be private: the"
        + " generated AuthenticatedApi calls Api.secret. Make it package-private or public"), result.output());
  }

  private Result javac(JavaFileObject... sources) throws IOException, InterruptedException {
    assertTrue(Files.isRegularFile(JAR), "build the jar first (mvn verify runs this after package): " + JAR);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
        "-processorpath", JAR.toString(),
        "-classpath", Fixtures.userClassPath(),
        "-d", Files.createDirectories(dir.resolve("classes")).toString(),
        "-s", Files.createDirectories(dir.resolve("generated")).toString()));
    for (JavaFileObject source : sources) {
      Path file = dir.resolve("src").resolve(source.getName().replaceFirst("^/", ""));
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getCharContent(false));
      command.add(file.toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }

  private record Result(int exitCode, String output) {}
}
