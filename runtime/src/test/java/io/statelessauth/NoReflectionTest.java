package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of the runtime jar refers to reflection, dynamic class loading, method handles or the
 * service loader: every such reference would sit in a class file's constant pool as the names
 * below. Reads the compiled main classes, {@code target/classes}.
 */
class NoReflectionTest {
  private static final List<String> FORBIDDEN = List.of(
      "java/lang/reflect/", "forName", "java/lang/invoke/", "java/util/ServiceLoader", "getDeclared", "setAccessible");

  @Test
  void runtimeClassesReferNoReflectionMethodHandlesOrServiceLoader() throws IOException {
    Path classes = Path.of("target", "classes", "io", "statelessauth");
    assertTrue(Files.isRegularFile(classes.resolve("AbstractStatelessAuthManager.class")),
        () -> "run from the runtime module; no classes in " + classes.toAbsolutePath());

    List<String> found = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(classes.getParent().getParent())) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        checked++;
        String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String name : FORBIDDEN) {
          if (constants.contains(name)) {
            found.add(file.getFileName() + " refers to " + name);
          }
        }
      }
    }

    assertTrue(checked >= 15, "checked " + checked + " class files");
    assertEquals(List.of(), found);
  }
}
