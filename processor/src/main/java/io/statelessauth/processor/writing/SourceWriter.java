package io.statelessauth.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.statelessauth.processor.base.Diagnostics;
import io.statelessauth.processor.base.Messages;
import io.statelessauth.processor.base.ValidationReport;
import io.statelessauth.processor.model.GeneratedNames;
import java.io.IOException;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Marks a generated type {@code @Generated} by this processor and writes it as a source file; a
 * file that cannot be written is reported on the element it was generated from.
 */
final class SourceWriter {
  private static final AnnotationSpec GENERATED =
      AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", GeneratedNames.PROCESSOR)
          .build();

  private static final String GENERATED_MODULE = "java.compiler";

  private final Elements elements;
  private final SourceSink sink;
  private final Diagnostics diagnostics;

  SourceWriter(Elements elements, SourceSink sink, Diagnostics diagnostics) {
    this.elements = elements;
    this.sink = sink;
    this.diagnostics = diagnostics;
  }

  /**
   * Marks {@code type} {@code @Generated} by this processor, unless it is generated into a named
   * module that does not read {@code java.compiler}, where the annotation would not compile.
   */
  void markGenerated(TypeSpec.Builder type, Element origin) {
    ModuleElement module = elements.getModuleOf(origin);
    if (module == null || module.isUnnamed() || reads(module, GENERATED_MODULE, false)) {
      type.addAnnotation(GENERATED);
    }
  }

  /** Whether {@code module} reads {@code name}: requires it, or requires one that passes it on. */
  private static boolean reads(ModuleElement module, String name, boolean transitiveOnly) {
    for (ModuleElement.RequiresDirective requires :
        ElementFilter.requiresIn(module.getDirectives())) {
      if (transitiveOnly && !requires.isTransitive()) {
        continue;
      }
      ModuleElement dependency = requires.getDependency();
      if (dependency.getQualifiedName().contentEquals(name) || reads(dependency, name, true)) {
        return true;
      }
    }
    return false;
  }

  /** {@code @SuppressWarnings("<warning>")}, for generated code that names a type the user's own code names. */
  static AnnotationSpec suppress(String warning) {
    return AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", warning).build();
  }

  /**
   * Writes {@code type} into {@code packageName}; whether it was written. A failure is reported on
   * {@code origin}.
   */
  boolean write(String packageName, TypeSpec type, Element origin) {
    JavaFile file = JavaFile.builder(packageName, type).skipJavaLangImports(true).build();
    try {
      sink.write(file);
      return true;
    } catch (IOException e) {
      String name = packageName.isEmpty() ? type.name() : packageName + "." + type.name();
      return diagnostics.print(
          ValidationReport.about(origin).report(Messages.WRITE_FAILED, name, e.getMessage()).build());
    }
  }
}
