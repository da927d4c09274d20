package io.statelessauth.processor;

import com.palantir.javapoet.ClassName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The class names declared in this compilation's sources and those this processor generates, so
 * that a generated name never collides with either (3.18).
 */
final class NameRegistry {
  private final Set<String> declared = new HashSet<>();
  private final Map<String, TypeElement> generated = new HashMap<>();
  private final Diagnostics diagnostics;

  NameRegistry(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Records the top-level classes of a round's sources. */
  void declare(Set<? extends Element> rootElements) {
    for (Element root : rootElements) {
      if (root instanceof TypeElement type) {
        declared.add(type.getQualifiedName().toString());
      }
    }
  }

  /**
   * Reserves {@code name} for the file generated from {@code owner}, or reports on {@code owner}
   * the class that already has it and returns false.
   */
  boolean claim(ClassName name, TypeElement owner) {
    String qualified = name.canonicalName();
    TypeElement earlier = generated.get(qualified);
    if (earlier != null) {
      diagnostics.error(
          owner,
          Messages.NAME_GENERATED_TWICE.format(qualified, owner.getQualifiedName(), earlier.getQualifiedName()));
      return false;
    }
    if (declared.contains(qualified)) {
      diagnostics.error(owner, Messages.NAME_TAKEN.format(qualified, owner.getQualifiedName()));
      return false;
    }
    generated.put(qualified, owner);
    return true;
  }
}
