package io.statelessauth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statelessauth.AbstractStatelessAuthManager;
import io.statelessauth.testsupport.ReflectionUses;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * No reflection at run time, as the README defines it: the classes generated from the end-to-end
 * sources, and the runtime as this module's class path holds it (classes or jar), use no {@code
 * java.lang.reflect}, {@code Class.forName}, {@code ServiceLoader}, {@code Proxy} or method-handle
 * lookup, as test-support's {@link ReflectionUses} (the runtime's own test uses it too) reads their
 * constant pools. Lambdas and string concatenation are allowed.
 */
class NoReflectionTest {
  private static final Predicate<String> GENERATED =
      name -> name.matches("(StatelessAuthManager|Authenticated).*\\.class");

  @Test
  void generatedClassesUseNoReflection() throws Exception {
    Path classes = location(StatelessAuthManager.class);
    List<String> generated = ReflectionUses.classFiles(classes, GENERATED);
    assertTrue(generated.size() >= 5, () -> "expected the generated classes in " + classes + ", found " + generated);

    assertEquals(List.of(), ReflectionUses.in(classes, GENERATED));
  }

  @Test
  void runtimeClassesUseNoReflection() throws Exception {
    Path runtime = location(AbstractStatelessAuthManager.class);
    List<String> classes = ReflectionUses.classFiles(runtime, name -> true);
    assertTrue(classes.contains("io/statelessauth/AbstractStatelessAuthManager.class"),
        () -> "no runtime class in " + classes);

    assertEquals(List.of(), ReflectionUses.in(runtime, name -> true));
  }

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
