package io.statelessauth.processor.collect;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.statelessauth.processor.base.AnnotationNames;
import io.statelessauth.processor.base.Diagnostics;
import io.statelessauth.processor.base.Messages;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Finds {@code @TokenRequired} in local and anonymous classes ({@link
 * Messages#HANDLER_IN_LOCAL_CLASS}). The annotation-processing
 * API never shows those methods, so this reads javac's syntax trees; under another compiler, or
 * when javac's environment is wrapped (as Gradle's incremental processing does), it does nothing.
 */
public final class LocalHandlerScanner {
  private static final String ANNOTATION = AnnotationNames.TOKEN_REQUIRED;
  private static final String PACKAGE = AnnotationNames.PACKAGE;

  private final Trees trees;
  private final Diagnostics diagnostics;

  private LocalHandlerScanner(Trees trees, Diagnostics diagnostics) {
    this.trees = trees;
    this.diagnostics = diagnostics;
  }

  /** A scanner for javac, or one that finds nothing elsewhere; it reports through {@code diagnostics}. */
  public static LocalHandlerScanner create(ProcessingEnvironment environment, Diagnostics diagnostics) {
    try {
      return new LocalHandlerScanner(Trees.instance(environment), diagnostics);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return new LocalHandlerScanner(null, diagnostics);
    }
  }

  /** Reports each {@code @TokenRequired} method of a local or anonymous class in {@code roots}. */
  public void scan(Set<? extends Element> roots) {
    if (trees == null) {
      return;
    }
    for (Element root : roots) {
      TreePath path = root instanceof TypeElement ? trees.getPath(root) : null;
      if (path != null) {
        new Scanner(path.getCompilationUnit()).scan(path, null);
      }
    }
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final boolean imported;
    private String localClass;

    Scanner(CompilationUnitTree unit) {
      this.unit = unit;
      this.imported = imports(unit);
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      Tree.Kind parent = getCurrentPath().getParentPath().getLeaf().getKind();
      boolean local = parent != Tree.Kind.COMPILATION_UNIT && !isClassKind(parent);
      String outer = localClass;
      if (local) {
        localClass =
            tree.getSimpleName().length() == 0
                ? "an anonymous class"
                : "local class " + tree.getSimpleName();
      }
      try {
        return super.visitClass(tree, unused);
      } finally {
        localClass = outer;
      }
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      if (localClass != null
          && tree.getModifiers().getAnnotations().stream().anyMatch(this::isTokenRequired)) {
        diagnostics.print(trees, tree, unit, Messages.HANDLER_IN_LOCAL_CLASS, localClass);
      }
      return super.visitMethod(tree, unused);
    }

    private boolean isTokenRequired(AnnotationTree annotation) {
      String name = annotation.getAnnotationType().toString();
      return name.equals(ANNOTATION) || imported && name.equals(AnnotationNames.TOKEN_REQUIRED_SIMPLE);
    }
  }

  private static boolean isClassKind(Tree.Kind kind) {
    return kind == Tree.Kind.CLASS
        || kind == Tree.Kind.INTERFACE
        || kind == Tree.Kind.ENUM
        || kind == Tree.Kind.ANNOTATION_TYPE
        || kind == Tree.Kind.RECORD;
  }

  /** Whether the simple name {@code TokenRequired} refers to the annotation in {@code unit}. */
  private static boolean imports(CompilationUnitTree unit) {
    if (unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE)) {
      return true;
    }
    for (ImportTree anImport : unit.getImports()) {
      String imported = anImport.getQualifiedIdentifier().toString();
      if (!anImport.isStatic() && (imported.equals(ANNOTATION) || imported.equals(PACKAGE + ".*"))) {
        return true;
      }
    }
    return false;
  }
}
