package io.statelessauth.processor.base;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Questions about elements that several validators ask: the chain of classes that enclose a type,
 * whether a class is inner, how messages name methods and packages, and where to report about a
 * member that may be inherited.
 */
public final class ElementFacts {

  private ElementFacts() {}

  /** {@code type} and every class enclosing it, innermost first. */
  public static List<TypeElement> typeAndEnclosing(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      chain.add((TypeElement) e);
    }
    return chain;
  }

  /** Whether {@code type} or a class enclosing it is private. */
  public static boolean isPrivateOrInPrivate(TypeElement type) {
    return typeAndEnclosing(type).stream().anyMatch(level -> level.getModifiers().contains(Modifier.PRIVATE));
  }

  /** Whether {@code type} and every class enclosing it are public, so that any package may name it. */
  public static boolean isPublicAllTheWay(TypeElement type) {
    return typeAndEnclosing(type).stream().allMatch(level -> level.getModifiers().contains(Modifier.PUBLIC));
  }

  /** Whether {@code type} is a member class that needs an instance of its enclosing class. */
  public static boolean isInner(TypeElement type) {
    return type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC);
  }

  /** {@code Api.secret}: how messages name a handler method. */
  public static String describe(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
  }

  /** How messages name a package, the unnamed one included. */
  public static String describe(PackageElement pkg) {
    return pkg.isUnnamed() ? "(the unnamed package)" : pkg.getQualifiedName().toString();
  }

  /**
   * Where to report about {@code member} of {@code owner}: on the member when {@code owner}
   * declares it, on {@code owner} when it is inherited (javac cannot point into another class's
   * source for this compilation's mistake).
   */
  public static Element reportedAt(Element member, TypeElement owner) {
    return member.getEnclosingElement().equals(owner) ? member : owner;
  }

  /** Where to report about a parameter of {@code method}, a member of {@code owner}. */
  public static Element reportedAt(Element parameter, ExecutableElement method, TypeElement owner) {
    return method.getEnclosingElement().equals(owner) ? parameter : owner;
  }
}
