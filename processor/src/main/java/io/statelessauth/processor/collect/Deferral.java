package io.statelessauth.processor.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Types that wait for a later round, kept by qualified name (an element object is valid only in
 * the round that made it) and looked up again each round, as auto-common's {@code
 * BasicAnnotationProcessor} defers elements whose types another processor has yet to generate.
 */
final class Deferral {
  private final SortedSet<String> names = new TreeSet<>();
  private final Elements elements;

  Deferral(Elements elements) {
    this.elements = elements;
  }

  /** Adds {@code type}, unless it is waiting already. */
  void add(TypeElement type) {
    names.add(type.getQualifiedName().toString());
  }

  /** The waiting types, sorted by name, as this round sees them. */
  List<TypeElement> waiting() {
    List<TypeElement> types = new ArrayList<>();
    for (String name : names) {
      types.add(elements.getTypeElement(name));
    }
    return types;
  }

  /** Removes and returns the waiting types that are {@code ready}, sorted by name. */
  List<TypeElement> take(Predicate<TypeElement> ready) {
    List<TypeElement> taken = new ArrayList<>();
    for (TypeElement type : waiting()) {
      if (ready.test(type)) {
        taken.add(type);
        names.remove(type.getQualifiedName().toString());
      }
    }
    return taken;
  }

  boolean isEmpty() {
    return names.isEmpty();
  }
}
