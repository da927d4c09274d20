package io.statelessauth.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import javax.lang.model.element.Element;

/** Writes a generated type as a source file, marked {@code @Generated} by this processor. */
final class Generation {
  private static final AnnotationSpec GENERATED =
      AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", StatelessAuthProcessor.class.getCanonicalName())
          .build();
  private static final AnnotationSpec SUPPRESS_RAW_TYPES = suppress("rawtypes");
  private static final AnnotationSpec SUPPRESS_UNCHECKED = suppress("unchecked");

  private final SourceSink sink;
  private final Diagnostics diagnostics;

  Generation(SourceSink sink, Diagnostics diagnostics) {
    this.sink = sink;
    this.diagnostics = diagnostics;
  }

  /** The {@code @Generated} every generated type carries. */
  static AnnotationSpec generated() {
    return GENERATED;
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
