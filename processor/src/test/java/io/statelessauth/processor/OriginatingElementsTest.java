package io.statelessauth.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every generated file names the elements it came from, as incremental builds (Gradle) need. The
 * processor runs here in a wrapped environment, as Gradle runs it.
 */
class OriginatingElementsTest {

  @Test
  void everyGeneratedFileNamesTheElementsItCameFrom() {
    Recorder recorder = new Recorder();
    assertThat(javac().withProcessors(recorder).compile(GeneratedCodeTest.realisticInput()))
        .succeeded();
    assertThat(recorder.origins.get("test.StatelessAuthManager"))
        .containsExactly("test.Tokens", "test.Users");
    assertThat(recorder.origins.get("test.AuthenticatedApi"))
        .containsExactly("test.Api", "test.Tokens", "test.Users");
    assertThat(recorder.origins.get("test.AuthenticatedOuter_Inner"))
        .containsExactly("test.Outer.Inner", "test.Tokens", "test.Users");
    assertThat(recorder.origins).hasSize(6);
  }

  /** Runs the processor with a Filer that records each source file's originating elements. */
  private static final class Recorder implements Processor {
    final Map<String, List<String>> origins = new TreeMap<>();
    private final StatelessAuthProcessor processor = new StatelessAuthProcessor();

    @Override
    public Set<String> getSupportedOptions() {
      return processor.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return processor.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return processor.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment environment) {
      processor.init(new Wrapped(environment, new RecordingFiler(environment.getFiler())));
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return processor.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
      return processor.getCompletions(element, annotation, member, userText);
    }

    private final class RecordingFiler implements Filer {
      private final Filer filer;

      RecordingFiler(Filer filer) {
        this.filer = filer;
      }

      @Override
      public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
          throws IOException {
        origins.put(
            name.toString(),
            Arrays.stream(originatingElements)
                .map(e -> ((TypeElement) e).getQualifiedName().toString())
                .collect(Collectors.toList()));
        return filer.createSourceFile(name, originatingElements);
      }

      @Override
      public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
          throws IOException {
        return filer.createClassFile(name, originatingElements);
      }

      @Override
      public FileObject createResource(
          JavaFileManager.Location location,
          CharSequence moduleAndPkg,
          CharSequence relativeName,
          Element... originatingElements)
          throws IOException {
        return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
      }

      @Override
      public FileObject getResource(
          JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName)
          throws IOException {
        return filer.getResource(location, moduleAndPkg, relativeName);
      }
    }
  }

  /** A processing environment that is not javac's own, with another Filer. */
  private record Wrapped(ProcessingEnvironment environment, Filer filer)
      implements ProcessingEnvironment {
    @Override
    public Map<String, String> getOptions() {
      return environment.getOptions();
    }

    @Override
    public Messager getMessager() {
      return environment.getMessager();
    }

    @Override
    public Filer getFiler() {
      return filer;
    }

    @Override
    public Elements getElementUtils() {
      return environment.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return environment.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return environment.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return environment.getLocale();
    }
  }
}
