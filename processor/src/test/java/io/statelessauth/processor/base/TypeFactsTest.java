package io.statelessauth.processor.base;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@link TypeFacts} asked about javac's own types: each field, method or class of the sources
 * below is one case, named after it, and the expected answers are written beside the sources.
 * Types that do not exist (as a later round's would not yet) come out as javac's error types.
 */
class TypeFactsTest {

  private static final JavaFileObject SHAPES = JavaFileObjects.forSourceLines("b.Shapes",
      "package b;",
      "",
      "import java.util.List;",
      "import java.util.Map;",
      "",
      "public class Shapes<T> {",
      "  public String plain;",
      "  public int primitive;",
      "  public int[] primitiveArray;",
      "  public List raw;",
      "  public List<?> unbounded;",
      "  public List<String> argument;",
      "  public List<? extends Object> upperBounded;",
      "  public List<? super String> lowerBounded;",
      "  public List<List> rawInside;",
      "  public List<? extends List> rawUpperBound;",
      "  public List<? super List> rawLowerBound;",
      "  public List[] rawArray;",
      "  public List<String>[] argumentArray;",
      "  public List<?>[] unboundedArray;",
      "  public Map<String, List> rawSecondArgument;",
      "  public T variable;",
      "  public Shapes<String>.Inner innerOfArgument;",
      "  public Shapes<?>.Inner innerOfUnbounded;",
      "  public Shapes.Inner innerOfRaw;",
      "  public Hidden hidden;",
      "  public List<Hidden> hiddenArgument;",
      "  public Hidden[] hiddenArray;",
      "  public List<? extends Hidden> hiddenUpperBound;",
      "  public List<? super Hidden> hiddenLowerBound;",
      "  public Secret secret;",
      "  public PackageNested packageNested;",
      "  public Outer.Nested nested;",
      "",
      "  public class Inner {}",
      "  private static class Secret {}",
      "  static class PackageNested {}",
      "",
      "  public void publicMethod() {}",
      "  void packageMethod() {}",
      "  private void privateMethod() {}",
      "}",
      "",
      "class Hidden {}");

  private static final JavaFileObject OUTER = JavaFileObjects.forSourceLines("b.Outer",
      "package b;",
      "",
      "public class Outer {",
      "  public static class Nested {}",
      "}");

  private static final JavaFileObject MISSING = JavaFileObjects.forSourceLines("b.Missing",
      "package b;",
      "",
      "import java.util.List;",
      "",
      "public class Missing implements Comparable<Missing> {",
      "  public void later(Later p) {}",
      "  public void laterArgument(List<Later> p) {}",
      "  public void laterArray(Later[] p) {}",
      "  public void laterUpperBound(List<? extends Later> p) {}",
      "  public void laterLowerBound(List<? super Later> p) {}",
      "  public void knownUpperBound(List<? extends String> p) {}",
      "  public void knownLowerBound(List<? super String> p) {}",
      "  public void self(Missing p) {}",
      "  public Later returnsLater() { return null; }",
      "  public void takesLaterSecond(String known, Later later) {}",
      "  public void throwsLater() throws LaterException {}",
      "  public String known(String known) throws Exception { return known; }",
      "  public int compareTo(Missing other) { return 0; }",
      "",
      "  static class ExtendsLater extends Later {}",
      "  static class ImplementsLater implements LaterInterface {}",
      "  static class ImplementsGenericOfLater implements java.util.function.Supplier<Later> {",
      "    public Later get() { return null; }",
      "  }",
      "}");

  @Test
  void reifiableTypesAreTheUncheckedCastsFreeOnes() {
    Map<String, Boolean> answers = askAboutFields(SHAPES, (asked, field) -> asked.facts().isReifiable(field.asType()));

    assertEquals(expected(
        "plain", true, "primitive", true, "primitiveArray", true, "raw", true, "unbounded", true,
        "argument", false, "upperBounded", false, "lowerBounded", false, "rawInside", false,
        "rawUpperBound", false, "rawLowerBound", false, "rawArray", true, "argumentArray", false,
        "unboundedArray", true, "rawSecondArgument", false, "variable", false,
        "innerOfArgument", false, "innerOfUnbounded", true, "innerOfRaw", true, "hidden", true,
        "hiddenArgument", false, "hiddenArray", true, "hiddenUpperBound", false,
        "hiddenLowerBound", false, "secret", true, "packageNested", true, "nested", true), answers);
  }

  @Test
  void rawTypesAreFoundWhereverTheyAreNested() {
    Map<String, Boolean> answers = askAboutFields(SHAPES, (asked, field) -> asked.facts().mentionsRawType(field.asType()));

    assertEquals(expected(
        "plain", false, "primitive", false, "primitiveArray", false, "raw", true, "unbounded", false,
        "argument", false, "upperBounded", false, "lowerBounded", false, "rawInside", true,
        "rawUpperBound", true, "rawLowerBound", true, "rawArray", true, "argumentArray", false,
        "unboundedArray", false, "rawSecondArgument", true, "variable", false,
        "innerOfArgument", false, "innerOfUnbounded", false, "innerOfRaw", true, "hidden", false,
        "hiddenArgument", false, "hiddenArray", false, "hiddenUpperBound", false,
        "hiddenLowerBound", false, "secret", false, "packageNested", false, "nested", false), answers);
  }

  @Test
  void typesAreReachableFromAnotherPackageOnlyWhenEveryPartIsPublic() {
    Map<String, Boolean> fromA = askAboutFields(SHAPES,
        (asked, field) -> asked.facts().isReachable(field.asType(), asked.packageNamed("a")));
    Map<String, Boolean> fromB = askAboutFields(SHAPES,
        (asked, field) -> asked.facts().isReachable(field.asType(), asked.packageNamed("b")));

    Map<String, Boolean> expectedFromA = expected(
        "plain", true, "primitive", true, "primitiveArray", true, "raw", true, "unbounded", true,
        "argument", true, "upperBounded", true, "lowerBounded", true, "rawInside", true,
        "rawUpperBound", true, "rawLowerBound", true, "rawArray", true, "argumentArray", true,
        "unboundedArray", true, "rawSecondArgument", true, "variable", true,
        "innerOfArgument", true, "innerOfUnbounded", true, "innerOfRaw", true, "hidden", false,
        "hiddenArgument", false, "hiddenArray", false, "hiddenUpperBound", false,
        "hiddenLowerBound", false, "secret", false, "packageNested", false, "nested", true);
    assertEquals(expectedFromA, fromA);
    // From its own package, only the private class is out of reach.
    Map<String, Boolean> expectedFromB = new LinkedHashMap<>(expectedFromA);
    expectedFromB.replaceAll((name, reachable) -> !name.equals("secret"));
    assertEquals(expectedFromB, fromB);
  }

  @Test
  void methodsAreReachableWhenPublicOrFromTheirOwnPackageAndNeverWhenPrivate() {
    Map<String, Boolean> fromA = askAboutMethods(SHAPES,
        (asked, method) -> asked.facts().isReachable(method, asked.packageNamed("a")));
    Map<String, Boolean> fromB = askAboutMethods(SHAPES,
        (asked, method) -> asked.facts().isReachable(method, asked.packageNamed("b")));

    assertEquals(expected("publicMethod", true, "packageMethod", false, "privateMethod", false), fromA);
    assertEquals(expected("publicMethod", true, "packageMethod", true, "privateMethod", false), fromB);
  }

  @Test
  void aMethodIsUnresolvedWhenAnyPartOfItsReturnParametersOrThrownTypesIsNotThereYet() {
    Map<String, Boolean> answers = askAboutMethods(MISSING, (asked, method) -> asked.facts().isResolved(method));

    assertEquals(expected(
        "later", false, "laterArgument", false, "laterArray", false, "laterUpperBound", false,
        "laterLowerBound", false, "knownUpperBound", true, "knownLowerBound", true, "self", true,
        "returnsLater", false, "takesLaterSecond", false, "throwsLater", false, "known", true,
        "compareTo", true), answers);
  }

  @Test
  void aClassIsUnresolvedWhenASupertypeIsNotThereYet() {
    Map<String, Boolean> answers = askAboutTypes(MISSING, (asked, type) -> asked.facts().isResolved(type));

    assertEquals(expected(
        "Missing", true, "ExtendsLater", false, "ImplementsLater", false,
        "ImplementsGenericOfLater", false), answers);
  }

  /** The facts under test, and the compilation's elements to name packages with. */
  private record Asked(TypeFacts facts, Elements elements) {
    PackageElement packageNamed(String name) {
      return elements.getPackageElement(name);
    }
  }

  private static Map<String, Boolean> expected(Object... namesAndAnswers) {
    Map<String, Boolean> expected = new LinkedHashMap<>();
    for (int i = 0; i < namesAndAnswers.length; i += 2) {
      expected.put((String) namesAndAnswers[i], (Boolean) namesAndAnswers[i + 1]);
    }
    return expected;
  }

  private static Map<String, Boolean> askAboutFields(
      JavaFileObject source, BiFunction<Asked, VariableElement, Boolean> question) {
    return askAbout(source, type -> ElementFilter.fieldsIn(type.getEnclosedElements()), question);
  }

  private static Map<String, Boolean> askAboutMethods(
      JavaFileObject source, BiFunction<Asked, ExecutableElement, Boolean> question) {
    return askAbout(source, type -> ElementFilter.methodsIn(type.getEnclosedElements()), question);
  }

  /** Asks about the source's first type and each type nested in it. */
  private static Map<String, Boolean> askAboutTypes(
      JavaFileObject source, BiFunction<Asked, TypeElement, Boolean> question) {
    return askAbout(source, type -> {
      List<TypeElement> types = new ArrayList<>(List.of(type));
      types.addAll(ElementFilter.typesIn(type.getEnclosedElements()));
      return types;
    }, question);
  }

  /** The answer to {@code question} for each of the {@code members} of the source's first type, by name. */
  private static <E extends Element> Map<String, Boolean> askAbout(JavaFileObject source,
      Function<TypeElement, List<E>> members, BiFunction<Asked, E, Boolean> question) {
    return ask(source, (asked, type) -> {
      Map<String, Boolean> answers = new LinkedHashMap<>();
      for (E member : members.apply(type)) {
        answers.put(member.getSimpleName().toString(), question.apply(asked, member));
      }
      return answers;
    });
  }

  /**
   * Compiles {@code source} with the package {@code a} beside it and asks {@code questions} about
   * its first type in the first round, when the types that do not exist are error types.
   */
  private static Map<String, Boolean> ask(
      JavaFileObject source, BiFunction<Asked, TypeElement, Map<String, Boolean>> questions) {
    Map<String, Boolean> answers = new LinkedHashMap<>();
    AbstractProcessor asking = new AbstractProcessor() {
      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.getRootElements().isEmpty() || !answers.isEmpty()) {
          return false;
        }
        Elements elements = processingEnv.getElementUtils();
        Asked asked = new Asked(new TypeFacts(elements, processingEnv.getTypeUtils()), elements);
        String name = source.getName().replaceAll("^/|\\.java$", "").replace('/', '.');
        for (Element root : round.getRootElements()) {
          if (root instanceof TypeElement && ((TypeElement) root).getQualifiedName().contentEquals(name)) {
            answers.putAll(questions.apply(asked, (TypeElement) root));
          }
        }
        return false;
      }
    };
    JavaFileObject packageA = JavaFileObjects.forSourceLines("a.InA", "package a;", "class InA {}");
    javac().withProcessors(asking).compile(source, OUTER, packageA);
    return answers;
  }
}
