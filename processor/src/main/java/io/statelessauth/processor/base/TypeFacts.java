package io.statelessauth.processor.base;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Questions about types that every phase asks: resolved yet, reachable from a package, checked,
 * raw, what an {@code Optional} parameter accepts, a loader's load method. The processor makes one
 * for the compilation and hands it to each phase.
 */
public final class TypeFacts {
  private final Elements elements;
  private final Types types;

  /** Facts over the compilation's elements and types. */
  public TypeFacts(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The compilation's type utilities. */
  public Types types() {
    return types;
  }

  /** The type named {@code qualifiedName}, or {@code null} when it is not on the class path. */
  public TypeMirror typeNamed(String qualifiedName) {
    TypeElement element = elements.getTypeElement(qualifiedName);
    return element == null ? null : types.erasure(element.asType());
  }

  /**
   * The methods named {@code load} of {@code loader}, declared or inherited, in declaration order:
   * the one place that looks them up.
   */
  public List<ExecutableElement> loadMethods(TypeElement loader) {
    return ElementFilter.methodsIn(elements.getAllMembers(loader)).stream()
        .filter(method -> method.getSimpleName().contentEquals(LoaderKind.LOAD))
        .collect(Collectors.toList());
  }

  /**
   * The type of {@code loader}'s one load method as a member of the loader, so that a type
   * parameter of an inherited load is filled in; for a loader whose load was validated.
   */
  public ExecutableType loadType(TypeElement loader) {
    return (ExecutableType) types.asMemberOf((DeclaredType) loader.asType(), loadMethods(loader).get(0));
  }

  /** Whether the class and all its supertypes are known (none waits for another processor). */
  public boolean isResolved(TypeElement type) {
    return isResolved(type.asType(), new HashSet<>());
  }

  /** Whether the method's return, parameter and thrown types are all known. */
  public boolean isResolved(ExecutableElement method) {
    Set<String> seen = new HashSet<>();
    if (!isResolved(method.getReturnType(), seen)) {
      return false;
    }
    for (var parameter : method.getParameters()) {
      if (!isResolved(parameter.asType(), seen)) {
        return false;
      }
    }
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!isResolved(thrown, seen)) {
        return false;
      }
    }
    return true;
  }

  private boolean isResolved(TypeMirror type, Set<String> seen) {
    switch (type.getKind()) {
      case ERROR:
        return false;
      case ARRAY:
        return isResolved(((ArrayType) type).getComponentType(), seen);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() == null || isResolved(wildcard.getExtendsBound(), seen))
            && (wildcard.getSuperBound() == null || isResolved(wildcard.getSuperBound(), seen));
      case DECLARED:
        if (!seen.add(type.toString())) {
          return true;
        }
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          if (!isResolved(argument, seen)) {
            return false;
          }
        }
        for (TypeMirror supertype : types.directSupertypes(type)) {
          if (!isResolved(supertype, seen)) {
            return false;
          }
        }
        // javac leaves an interface that does not exist yet out of the direct supertypes.
        for (TypeMirror declared : ((TypeElement) ((DeclaredType) type).asElement()).getInterfaces()) {
          if (declared.getKind() == TypeKind.ERROR) {
            return false;
          }
        }
        return true;
      default:
        return true;
    }
  }

  /** Whether code in {@code pkg} may name {@code type}: no level private, non-public ones local. */
  public boolean isReachable(TypeElement type, PackageElement pkg) {
    for (TypeElement level : ElementFacts.typeAndEnclosing(type)) {
      Set<Modifier> modifiers = level.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)
          || !modifiers.contains(Modifier.PUBLIC) && !elements.getPackageOf(level).equals(pkg)) {
        return false;
      }
    }
    return true;
  }

  /** Whether code in {@code pkg} may name {@code type} and each type it is made of. */
  public boolean isReachable(TypeMirror type, PackageElement pkg) {
    switch (type.getKind()) {
      case ARRAY:
        return isReachable(((ArrayType) type).getComponentType(), pkg);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() == null || isReachable(wildcard.getExtendsBound(), pkg))
            && (wildcard.getSuperBound() == null || isReachable(wildcard.getSuperBound(), pkg));
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        if (!isReachable((TypeElement) declared.asElement(), pkg)) {
          return false;
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
          if (!isReachable(argument, pkg)) {
            return false;
          }
        }
        return true;
      default:
        return true;
    }
  }

  /** Whether code in {@code pkg} may call {@code method} (its class being reachable). */
  public boolean isReachable(ExecutableElement method, PackageElement pkg) {
    Set<Modifier> modifiers = method.getModifiers();
    return !modifiers.contains(Modifier.PRIVATE)
        && (modifiers.contains(Modifier.PUBLIC) || elements.getPackageOf(method).equals(pkg));
  }

  /** Whether {@code thrown} is a checked exception type. */
  public boolean isChecked(TypeMirror thrown) {
    return !types.isAssignable(thrown, typeNamed("java.lang.RuntimeException"))
        && !types.isAssignable(thrown, typeNamed("java.lang.Error"));
  }

  /** Whether {@code type} is, or is made of, a raw use of a generic class. */
  public boolean mentionsRawType(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return mentionsRawType(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return wildcard.getExtendsBound() != null && mentionsRawType(wildcard.getExtendsBound())
            || wildcard.getSuperBound() != null && mentionsRawType(wildcard.getSuperBound());
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        if (declared.getTypeArguments().isEmpty() && !element.getTypeParameters().isEmpty()) {
          return true;
        }
        // Outer.Inner, an inner class named through its generic outer class without arguments.
        return declared.getEnclosingType().getKind() == TypeKind.DECLARED
                && mentionsRawType(declared.getEnclosingType())
            || declared.getTypeArguments().stream().anyMatch(this::mentionsRawType);
      default:
        return false;
    }
  }

  /** Whether {@code type} is {@code java.util.Optional}, with or without a type argument. */
  public boolean isOptional(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.util.Optional");
  }

  /**
   * Whether a parameter of the {@code Optional} type {@code parameter} accepts {@code
   * Optional.ofNullable(value)} for a {@code value} of type {@code value}: {@code Optional<X>} and
   * {@code Optional<? extends X>} when {@code value} is assignable to {@code X}, {@code Optional<?
   * super X>} when {@code X} is assignable to {@code value}, {@code Optional<?>} and the raw {@code
   * Optional} always.
   */
  public boolean optionalAccepts(TypeMirror parameter, TypeMirror value) {
    List<? extends TypeMirror> arguments = ((DeclaredType) parameter).getTypeArguments();
    if (arguments.isEmpty()) {
      return true;
    }
    TypeMirror argument = arguments.get(0);
    if (argument.getKind() != TypeKind.WILDCARD) {
      return types.isAssignable(value, argument);
    }
    WildcardType wildcard = (WildcardType) argument;
    if (wildcard.getExtendsBound() != null) {
      return types.isAssignable(value, wildcard.getExtendsBound());
    }
    return wildcard.getSuperBound() == null || types.isAssignable(wildcard.getSuperBound(), value);
  }

  /** Whether a cast from {@code Object} to {@code type} is checked in full at run time. */
  public boolean isReifiable(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return isReifiable(((ArrayType) type).getComponentType());
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        boolean unboundedArguments =
            declared.getTypeArguments().stream()
                .allMatch(
                    argument ->
                        argument.getKind() == TypeKind.WILDCARD
                            && ((WildcardType) argument).getExtendsBound() == null
                            && ((WildcardType) argument).getSuperBound() == null);
        TypeMirror enclosing = declared.getEnclosingType();
        return unboundedArguments
            && (enclosing.getKind() != TypeKind.DECLARED || isReifiable(enclosing));
      default:
        return type.getKind().isPrimitive();
    }
  }
}
