package io.statelessauth.processor.base;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * A method's {@code @TokenRequired}, read from its annotation mirror with the defaults filled in:
 * the one way the processor reads the annotation, so that validators can report on the exact value
 * at fault.
 *
 * @param mirror the annotation as written
 * @param tokenType the {@code tokenType} value
 * @param authType the {@code authType} value, an array
 * @param scopes the {@code scopes} value, an array
 * @param roles the {@code roles} value, an array
 * @param optional the {@code optional} value
 */
public record TokenRequiredValues(
    AnnotationMirror mirror,
    AnnotationValue tokenType,
    AnnotationValue authType,
    AnnotationValue scopes,
    AnnotationValue roles,
    AnnotationValue optional) {

  /** The annotation on {@code element}, if it has one. */
  public static Optional<TokenRequiredValues> of(Element element, Elements elements) {
    return mirror(element).map(mirror -> read(mirror, elements));
  }

  /** Whether {@code element} is annotated {@code @TokenRequired}. */
  public static boolean isPresent(Element element) {
    return mirror(element).isPresent();
  }

  private static Optional<? extends AnnotationMirror> mirror(Element element) {
    return element.getAnnotationMirrors().stream()
        .filter(mirror -> mirror.getAnnotationType().toString().equals(AnnotationNames.TOKEN_REQUIRED))
        .findFirst();
  }

  private static TokenRequiredValues read(AnnotationMirror mirror, Elements elements) {
    Map<String, AnnotationValue> values =
        elements.getElementValuesWithDefaults(mirror).entrySet().stream()
            .collect(Collectors.toMap(e -> e.getKey().getSimpleName().toString(), Map.Entry::getValue));
    return new TokenRequiredValues(
        mirror,
        values.get("tokenType"),
        values.get("authType"),
        values.get("scopes"),
        values.get("roles"),
        values.get("optional"));
  }

  /** The {@code tokenType} string; {@code ""} for the configured default. */
  public String tokenTypeName() {
    return (String) tokenType.getValue();
  }

  /** Whether the route lets anonymous requests through. */
  public boolean isOptional() {
    return (Boolean) optional.getValue();
  }

  /** The elements of the {@code authType} array; none for the configured default. */
  public List<? extends AnnotationValue> authTypeValues() {
    return elementsOf(authType);
  }

  /** The elements of the {@code scopes} array, each with its own position in the source. */
  public List<? extends AnnotationValue> scopeValues() {
    return elementsOf(scopes);
  }

  /** The elements of the {@code roles} array. */
  public List<? extends AnnotationValue> roleValues() {
    return elementsOf(roles);
  }

  /** The strings of an array value, in the annotation's order. */
  public static List<String> strings(List<? extends AnnotationValue> values) {
    return values.stream().map(value -> (String) value.getValue()).collect(Collectors.toList());
  }

  @SuppressWarnings("unchecked")
  private static List<? extends AnnotationValue> elementsOf(AnnotationValue array) {
    return (List<? extends AnnotationValue>) array.getValue();
  }

  /** The {@code @TokenRequired} methods that {@code type} declares, sorted by name. */
  public static List<ExecutableElement> methodsOf(Element type) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(TokenRequiredValues::isPresent)
        .sorted(Comparator.comparing(method -> method.getSimpleName().toString()))
        .collect(Collectors.toList());
  }
}
