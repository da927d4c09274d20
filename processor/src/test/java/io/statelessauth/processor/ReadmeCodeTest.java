package io.statelessauth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
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
 * The README's code is the code that runs: the quick start compiles as it is written (with the
 * imports its text lists) through the processor, and the "Testing a handler" block is the body of
 * the test that exists for it.
 */
class ReadmeCodeTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path TESTING_A_HANDLER =
      Path.of("..", "tests", "src", "test", "java", "io", "statelessauth", "tests", "TestingAHandlerTest.java");
  private static final Pattern FILE_MARKER = Pattern.compile("^// (\\w+)\\.java\\b.*$", Pattern.MULTILINE);
  private static final Pattern IMPORT = Pattern.compile("`([\\w.]+(?:\\.\\*)?)`");

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

  @Test
  void quickStartCompilesAsWrittenAndGeneratesItsClasses() throws IOException {
    String section = section("Quick start");
    String imports = section.substring(section.indexOf("(Imports:"), section.indexOf(".)") + 1);
    StringBuilder header = new StringBuilder();
    Matcher name = IMPORT.matcher(imports);
    while (name.find()) {
      header.append("import ").append(name.group(1)).append(";\n");
    }
    String code = javaBlock(section);
    List<JavaFileObject> files = new ArrayList<>();
    Matcher marker = FILE_MARKER.matcher(code);
    List<Integer> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (marker.find()) {
      starts.add(marker.start());
      names.add(marker.group(1));
    }
    for (int i = 0; i < names.size(); i++) {
      int from = starts.get(i);
      int to = i + 1 < names.size() ? starts.get(i + 1) : code.length();
      files.add(JavaFileObjects.forSourceString(names.get(i), header + "\n" + code.substring(from, to)));
    }
    assertEquals(List.of("Token", "User", "Tokens", "Users", "Api", "Main"), names);

    Compilation compilation = javac().withProcessors(new StatelessAuthProcessor()).compile(files);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("StatelessAuthManager");
    assertThat(compilation).generatedSourceFile("AuthenticatedApi");
  }

  @Test
  void testingAHandlerShowsTheCodeOfItsTest() throws IOException {
    List<String> shown = lines(javaBlock(section("Testing a handler")));
    List<String> test = lines(Files.readString(TESTING_A_HANDLER));

    int at = test.indexOf(shown.get(0));
    assertTrue(at >= 0, () -> "TestingAHandlerTest has no line " + shown.get(0));
    assertEquals(shown, test.subList(at, Math.min(test.size(), at + shown.size())));
  }

  /** The non-blank lines of {@code text}, stripped of indentation. */
  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.toList());
  }
}
