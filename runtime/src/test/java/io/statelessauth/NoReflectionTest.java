package io.statelessauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.testsupport.ReflectionUses;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime jar uses no reflection, as the README defines it: no {@code java.lang.reflect}, no
 * {@code Class.forName}, no {@code ServiceLoader}, no {@code Proxy}, no method-handle lookups.
 * Lambdas, method references and string concatenation are plain Java and allowed. Reads the
 * constant pools of the compiled main classes, {@code target/classes}, with test-support's {@link
 * ReflectionUses}, the detector the end-to-end tests use too.
 */
class NoReflectionTest {

  @Test
  void runtimeClassesUseNoReflection() throws IOException {
    Path classes = Path.of("target", "classes");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(file -> file.toString().endsWith(".class")).sorted().collect(Collectors.toList());
    }
    assertTrue(files.size() >= 20, () -> "run from the runtime module; found " + files + " in " + classes.toAbsolutePath());

    List<String> found = ReflectionUses.in(files);

    assertEquals(List.of(), found);
  }

  @Test
  void theCheckFindsEveryKindOfReflectionItForbids() throws IOException {
    List<String> found = ReflectionUses.in(List.of(compiledTestClass(UsesReflection.class)));

    String file = "NoReflectionTest$UsesReflection.class: ";
    assertEquals(List.of(
        file + "java/lang/Class.forName",
        file + "java/lang/Class.getMethod",
        file + "java/lang/invoke/MethodHandles$Lookup.findVirtual",
        file + "java/lang/invoke/MethodHandles.lookup",
        file + "java/lang/reflect/Proxy",
        file + "java/lang/reflect/Proxy.newProxyInstance",
        file + "java/util/ServiceLoader"), found);
  }

  @Test
  void lambdasMethodReferencesAndStringConcatenationAreAllowed() throws IOException {
    assertEquals(List.of(), ReflectionUses.in(List.of(compiledTestClass(UsesPlainJava.class))));
  }

  private static Path compiledTestClass(Class<?> type) {
    return Path.of("target", "test-classes", type.getName().replace('.', '/') + ".class");
  }

  /** Every kind of reflection the runtime must not use, for the check to find. */
  static final class UsesReflection {
    Object all(String name) throws ReflectiveOperationException {
      Class<?> type = Class.forName(name);
      java.lang.reflect.Method method = type.getMethod("toString");
      Object proxy = java.lang.reflect.Proxy.newProxyInstance(null, new Class<?>[0], null);
      Object handle = MethodHandles.lookup().findVirtual(type, "toString", null);
      Object services = java.util.ServiceLoader.load(Runnable.class);
      return List.of(method, proxy, handle, services);
    }
  }

  /** What javac turns into invokedynamic, and which the runtime may use. */
  static final class UsesPlainJava {
    Runnable all(String name) {
      Runnable lambda = () -> System.out.println("hello " + name);
      Runnable reference = System.out::println;
      return name.isEmpty() ? lambda : reference;
    }
  }
}
