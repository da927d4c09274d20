package io.statelessauth.processor.base;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * The warnings javac gives generated code for naming the application's deprecated elements: {@code
 * "deprecation"} for a deprecated one, {@code "removal"} for one deprecated for removal. The user
 * can neither see nor annotate the line, so the generated type suppresses exactly these, as Dagger's
 * generated code does, and nothing when nothing it names is deprecated.
 */
public final class DeprecatedUses {
  private final Elements elements;
  private final SortedSet<String> warnings = new TreeSet<>();

  private DeprecatedUses(Elements elements) {
    this.elements = elements;
  }

  /** Starts collecting the uses of one generated type. */
  public static DeprecatedUses in(Elements elements) {
    return new DeprecatedUses(elements);
  }

  /** A method the generated type calls, or a class it names (with every class enclosing it). */
  public DeprecatedUses element(Element element) {
    check(element);
    if (element instanceof TypeElement) {
      for (TypeElement level : ElementFacts.typeAndEnclosing((TypeElement) element)) {
        check(level);
      }
    }
    return this;
  }

  /** A type the generated type names, with each type it is made of. */
  public DeprecatedUses type(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return type(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          type(wildcard.getExtendsBound());
        }
        return wildcard.getSuperBound() == null ? this : type(wildcard.getSuperBound());
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        element(declared.asElement());
        declared.getTypeArguments().forEach(this::type);
        return declared.getEnclosingType().getKind() == TypeKind.DECLARED ? type(declared.getEnclosingType()) : this;
      default:
        return this;
    }
  }

  /** Every type of {@code types}. */
  public DeprecatedUses types(List<? extends TypeMirror> types) {
    types.forEach(this::type);
    return this;
  }

  /** The warnings to suppress, sorted; empty when nothing named is deprecated. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  private void check(Element element) {
    if (!elements.isDeprecated(element)) {
      return;
    }
    Deprecated deprecated = element.getAnnotation(Deprecated.class);
    warnings.add(deprecated != null && deprecated.forRemoval() ? "removal" : "deprecation");
  }
}
