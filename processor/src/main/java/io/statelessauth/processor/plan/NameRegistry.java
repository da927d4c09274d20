package io.statelessauth.processor.plan;

import com.palantir.javapoet.ClassName;
import io.statelessauth.processor.base.Messages;
import io.statelessauth.processor.base.ValidationReport;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * The class names declared in this compilation's sources and those this processor generates, so
 * that a generated name never collides with either.
 */
final class NameRegistry {
  private final Set<String> declared = new HashSet<>();
  private final Map<String, TypeElement> generated = new HashMap<>();

  /** Records the top-level classes of a round's sources. */
  void declare(List<TypeElement> rootTypes) {
    for (TypeElement type : rootTypes) {
      declared.add(type.getQualifiedName().toString());
    }
  }

  /**
   * Reserves {@code name} for the file generated from {@code owner}; the report says, on {@code
   * owner}, which class has the name already (and nothing is reserved then).
   */
  ValidationReport claim(ClassName name, TypeElement owner) {
    ValidationReport.Builder report = ValidationReport.about(owner);
    String qualified = name.canonicalName();
    TypeElement earlier = generated.get(qualified);
    if (earlier != null) {
      return report.report(Messages.NAME_GENERATED_TWICE, qualified, owner.getQualifiedName(), earlier.getQualifiedName())
          .build();
    }
    if (declared.contains(qualified)) {
      return report.report(Messages.NAME_TAKEN, qualified, owner.getQualifiedName()).build();
    }
    generated.put(qualified, owner);
    return report.build();
  }
}
