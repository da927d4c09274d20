package io.statelessauth.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Marks a generated type {@code @Generated} by this processor and writes it as a source file. */
final class Generation {
  private static final AnnotationSpec GENERATED =
      AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", StatelessAuthProcessor.class.getCanonicalName())
          .build();
  private static final AnnotationSpec SUPPRESS_RAW_TYPES = suppress("rawtypes");
  private static final AnnotationSpec SUPPRESS_UNCHECKED = suppress("unchecked");

  private static final String GENERATED_MODULE = "java.compiler";

  private final Elements elements;
  private final SourceSink sink;
  private final Diagnostics diagnostics;

  Generation(Elements elements, SourceSink sink, Diagnostics diagnostics) {
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

  /** For code that must name a raw type because the user's declaration does. */
  static AnnotationSpec suppressRawTypes() {
    return SUPPRESS_RAW_TYPES;
  }

  /** For the one cast to a generic type, which the run time cannot check in full. */
  static AnnotationSpec suppressUnchecked() {
    return SUPPRESS_UNCHECKED;
  }

  /** Writes {@code type} into {@code packageName}; a failure is reported on {@code origin}. */
  void write(String packageName, TypeSpec type, Element origin) {
    JavaFile file = JavaFile.builder(packageName, type).skipJavaLangImports(true).build();
    try {
      sink.write(file);
    } catch (IOException e) {
      String name = packageName.isEmpty() ? type.name() : packageName + "." + type.name();
      diagnostics.error(origin, Messages.WRITE_FAILED.format(name, e.getMessage()));
    }
  }

  private static AnnotationSpec suppress(String warning) {
    return AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", warning).build();
  }
}
