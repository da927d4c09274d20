package io.statelessauth.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Which method each call in the generated {@code Authenticated<Name>} classes reaches, as javac
 * resolved it: the sources are compiled with the processor under {@code -Xlint:all -Werror}, and
 * after analysis every method invocation of a generated class is looked up in javac's trees.
 */
final class ResolvedCalls {
  private ResolvedCalls() {}

  /** A call of the generated code: the method's class and signature, and whether it is annotated. */
  record Call(String method, boolean annotated) {}

  /**
   * Compiles {@code sources} and returns every call named {@code name} in the generated classes;
   * fails when the compilation has any error or warning.
   */
  static List<Call> of(String name, Path dir, JavaFileObject... sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of(
        "-classpath", Fixtures.userClassPath(),
        "-d", Files.createDirectories(dir.resolve("classes")).toString(),
        "-s", Files.createDirectories(dir.resolve("generated")).toString(),
        GeneratedCodeTest.LINT_ALL, "-Werror");
    JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostics, options, null, List.of(sources));
    task.setProcessors(List.of(new StatelessAuthProcessor()));
    Trees trees = Trees.instance(task);
    List<Call> calls = new ArrayList<>();
    task.addTaskListener(new TaskListener() {
      @Override
      public void finished(TaskEvent event) {
        if (event.getKind() == TaskEvent.Kind.ANALYZE
            && event.getTypeElement().getSimpleName().toString().startsWith("Authenticated")) {
          new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
              Element method = trees.getElement(getCurrentPath());
              if (method.getSimpleName().contentEquals(name)) {
                calls.add(new Call(
                    method.getEnclosingElement().getSimpleName() + "." + method,
                    method.getAnnotationMirrors().stream().anyMatch(annotation ->
                        annotation.getAnnotationType().toString().equals("io.statelessauth.annotations.TokenRequired"))));
              }
              return super.visitMethodInvocation(tree, unused);
            }
          }.scan(event.getCompilationUnit(), null);
        }
      }
    });
    boolean compiled = task.call();
    assertTrue(compiled && diagnostics.getDiagnostics().isEmpty(), () -> diagnostics.getDiagnostics().toString());
    return calls;
  }
}
