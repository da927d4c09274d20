package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.AbstractStatelessAuthManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No reflection at run time, as the README defines it: the bytecode of the classes generated from
 * the end-to-end sources, and of the runtime, as {@code javap -c -p -v} prints it, uses no {@code
 * java.lang.reflect}, {@code Class.forName}, {@code ServiceLoader}, {@code Proxy} or method-handle
 * lookup. Lambdas and string concatenation (invokedynamic, whose bootstraps only name {@code
 * MethodHandles$Lookup} in a descriptor) are allowed.
 */
class NoReflectionTest {
  /** Reflection, class loading by name, method-handle lookups, service lookup and dynamic proxies, as javap names them. */
  private static final List<Pattern> REFLECTION =
      Stream.of(
              "java/lang/reflect/",
              "java/lang/Class.forName",
              "java/lang/Class.getDeclared",
              "java/lang/Class.getMethod",
              "MethodHandles.lookup",
              "MethodHandles.privateLookupIn",
              "MethodHandles.publicLookup",
              "MethodHandles$Lookup.find",
              "MethodHandles$Lookup.unreflect",
              "java/util/ServiceLoader",
              "/Proxy")
          .map(Pattern::quote)
          .map(Pattern::compile)
          .collect(Collectors.toList());

  @Test
  void generatedClassesUseNoReflection() throws Exception {
    Path dir = location(StatelessAuthManager.class).resolve("io/statelessauth/tests");
    List<String> classes;
    try (Stream<Path> files = Files.list(dir)) {
      classes =
          files
              .filter(f -> f.getFileName().toString().matches("(StatelessAuthManager|Authenticated).*\\.class"))
              .map(Path::toString)
              .sorted()
              .collect(Collectors.toList());
    }
    assertTrue(classes.size() >= 5, "expected the generated classes in " + dir + ", found " + classes);
    String bytecode = javap(List.of(), classes);
    assertTrue(bytecode.contains("invokedynamic"), "the generated handlers are lambdas");
    assertEquals(List.of(), offending(bytecode, REFLECTION));
  }

  @Test
  void runtimeClassesUseNoReflection() throws Exception {
    Path runtime = location(AbstractStatelessAuthManager.class);
    String bytecode;
    if (Files.isDirectory(runtime)) {
      try (Stream<Path> files = Files.walk(runtime)) {
        bytecode =
            javap(
                List.of(),
                files.filter(f -> f.toString().endsWith(".class")).map(Path::toString).sorted().collect(Collectors.toList()));
      }
    } else {
      try (JarFile jar = new JarFile(runtime.toFile())) {
        List<String> names =
            jar.stream()
                .map(JarEntry::getName)
                .filter(n -> n.endsWith(".class") && !n.equals("module-info.class"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .sorted()
                .collect(Collectors.toList());
        bytecode = javap(List.of("-cp", runtime.toString()), names);
      }
    }
    assertTrue(bytecode.contains("AbstractStatelessAuthManager"), "javap printed no runtime class");
    assertEquals(List.of(), offending(bytecode, REFLECTION));
  }

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static String javap(List<String> options, List<String> classes) throws IOException {
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
    StringWriter out = new StringWriter();
    List<String> arguments = new ArrayList<>(List.of("-c", "-p", "-v"));
    arguments.addAll(options);
    arguments.addAll(classes);
    try (PrintWriter writer = new PrintWriter(out)) {
      int status = javap.run(writer, writer, arguments.toArray(String[]::new));
      writer.flush();
      assertEquals(0, status, out.toString());
    }
    return out.toString();
  }

  /** Each line of {@code bytecode} that matches one of {@code patterns}, after its class's name. */
  private static List<String> offending(String bytecode, List<Pattern> patterns) {
    List<String> found = new ArrayList<>();
    String currentClass = "?";
    for (String line : bytecode.split("\\R")) {
      if (line.startsWith("Classfile ")) {
        currentClass = line.substring("Classfile ".length());
      }
      for (Pattern pattern : patterns) {
        if (pattern.matcher(line).find()) {
          found.add(currentClass + ": " + line.strip());
        }
      }
    }
    return found;
  }
}
