package io.statelessauth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The README's code is the code that runs: the quick start and "Testing a handler" compile as they
 * are written (with the imports their text lists) through the processor, and the tests that
 * "Testing a handler" shows pass.
 */
class ReadmeCodeTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern FILE_MARKER = Pattern.compile("^// (\\w+)\\.java\\b.*$", Pattern.MULTILINE);
  private static final Pattern IMPORT = Pattern.compile("`((?:static )?[\\w.]+(?:\\.\\*)?)`");

  /** The text of {@code section} ({@code ## <section>} up to the next {@code ## }). */
  private static String section(String section) throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("## " + section + "\n");
    assertTrue(start >= 0, "README has a section " + section);
    int end = readme.indexOf("\n## ", start + 3);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** The first fenced {@code java} block of {@code text}. */
  private static String javaBlock(String text) {
    int start = text.indexOf("```java\n");
    assertTrue(start >= 0, "a java block");
    start += "```java\n".length();
    return text.substring(start, text.indexOf("\n```", start) + 1);
  }

  /**
   * Compiles the files of {@code section}'s java block (each begins with a {@code // Name.java}
   * comment), with the imports its text lists, through the processor; they must be {@code names}.
   */
  private static Compilation compile(String section, List<String> names) throws IOException {
    String text = section(section);
    int importsAt = text.toLowerCase().indexOf("imports:");
    assertTrue(importsAt >= 0, section + " lists its imports");
    String imports = text.substring(importsAt, text.indexOf(")", importsAt));
    StringBuilder header = new StringBuilder();
    Matcher name = IMPORT.matcher(imports);
    while (name.find()) {
      header.append("import ").append(name.group(1)).append(";\n");
    }
    String code = javaBlock(text);
    List<JavaFileObject> files = new ArrayList<>();
    Matcher marker = FILE_MARKER.matcher(code);
    List<Integer> starts = new ArrayList<>();
    List<String> found = new ArrayList<>();
    while (marker.find()) {
      starts.add(marker.start());
      found.add(marker.group(1));
    }
    for (int i = 0; i < found.size(); i++) {
      int from = starts.get(i);
      int to = i + 1 < found.size() ? starts.get(i + 1) : code.length();
      files.add(JavaFileObjects.forSourceString(found.get(i), header + "\n" + code.substring(from, to)));
    }
    assertEquals(names, found);
    return javac().withProcessors(new StatelessAuthProcessor()).compile(files);
  }

  @Test
  void quickStartCompilesAsWrittenAndGeneratesItsClasses() throws IOException {
    Compilation compilation = compile("Quick start", List.of("Token", "User", "Tokens", "Users", "Api", "Main"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("StatelessAuthManager");
    assertThat(compilation).generatedSourceFile("AuthenticatedApi");
  }

  @Test
  void testingAHandlerCompilesAsWrittenAndItsTestsPass() throws Exception {
    Compilation compilation = compile("Testing a handler", List.of("Token", "User", "Tokens", "Users", "Api", "ApiTest"));
    assertThat(compilation).succeededWithoutWarnings();

    Class<?> test = new CompiledClasses(compilation).loadClass("ApiTest");
    Constructor<?> constructor = test.getDeclaredConstructor();
    constructor.setAccessible(true);
    List<String> passed = new ArrayList<>();
    for (Method method : test.getDeclaredMethods()) {
      if (method.isAnnotationPresent(Test.class)) {
        method.setAccessible(true);
        try {
          method.invoke(constructor.newInstance());
        } catch (InvocationTargetException e) {
          throw new AssertionError("README's ApiTest." + method.getName() + " failed", e.getCause());
        }
        passed.add(method.getName());
      }
    }
    assertEquals(4, passed.size(), () -> "README's ApiTest ran " + passed);
  }

  /** The classes a compilation wrote, loaded in memory above this test's class path. */
  private static final class CompiledClasses extends ClassLoader {
    private final Map<String, JavaFileObject> classFiles = new HashMap<>();

    CompiledClasses(Compilation compilation) {
      super(ReadmeCodeTest.class.getClassLoader());
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS) {
          String path = file.toUri().getPath();
          String binaryName = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
              path.length() - ".class".length()).replace('/', '.');
          classFiles.put(binaryName, file);
        }
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      JavaFileObject file = classFiles.get(name);
      if (file == null) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = file.openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
