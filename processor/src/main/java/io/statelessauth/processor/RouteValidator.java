package io.statelessauth.processor;

import io.statelessauth.annotations.TokenRequired;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/**
 * Checks the values of a {@code @TokenRequired}: {@code authType} an RFC 9110 token and
 * {@code tokenType} one word (3.15), each scope an RFC 6749 scope-token, and scopes only where the
 * token model can grant them (3.16). Each error is reported on the value at fault.
 */
final class RouteValidator {
  private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

  private final Elements elements;
  private final Diagnostics diagnostics;

  RouteValidator(Elements elements, Diagnostics diagnostics) {
    this.elements = elements;
    this.diagnostics = diagnostics;
  }

  /**
   * The method's route, or empty after reporting its bad values; {@code loaders}, when known,
   * decides whether scopes can be granted.
   */
  Optional<Route> validate(ExecutableElement method, Optional<LoaderPair> loaders) {
    AnnotationMirror annotation = annotationOf(method);
    AnnotationValue tokenTypeValue = value(annotation, "tokenType");
    AnnotationValue authTypeValue = value(annotation, "authType");
    AnnotationValue scopesValue = value(annotation, "scopes");
    String tokenType = (String) tokenTypeValue.getValue();
    String authType = (String) authTypeValue.getValue();

    boolean valid = true;
    if (!tokenType.chars().allMatch(RouteValidator::isVisibleAscii)) {
      diagnostics.error(
          method, annotation, tokenTypeValue, Messages.TOKEN_TYPE_INVALID.format(tokenType));
      valid = false;
    }
    if (!authType.isEmpty() && !authType.chars().allMatch(RouteValidator::isTchar)) {
      diagnostics.error(
          method, annotation, authTypeValue, Messages.AUTH_TYPE_NOT_TOKEN.format(authType));
      valid = false;
    }
    List<String> scopes = new ArrayList<>();
    for (AnnotationValue scopeValue : elementsOf(scopesValue)) {
      String scope = (String) scopeValue.getValue();
      if (scope.isEmpty() || !scope.chars().allMatch(RouteValidator::isScopeChar)) {
        diagnostics.error(
            method, annotation, scopeValue, Messages.SCOPE_NOT_SCOPE_TOKEN.format(scope));
        valid = false;
      }
      scopes.add(scope);
    }
    if (!scopes.isEmpty() && loaders.isPresent() && !loaders.get().tokenMixin()) {
      String token = loaders.get().tokenType().toString();
      diagnostics.error(
          method,
          annotation,
          scopesValue,
          Messages.SCOPES_WITHOUT_TOKEN_MIXIN.format(token, token));
      valid = false;
    }
    return valid ? Optional.of(new Route(tokenType, authType, List.copyOf(scopes))) : Optional.empty();
  }

  private static AnnotationMirror annotationOf(ExecutableElement method) {
    String name = TokenRequired.class.getCanonicalName();
    return method.getAnnotationMirrors().stream()
        .filter(a -> a.getAnnotationType().toString().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private AnnotationValue value(AnnotationMirror annotation, String name) {
    Map<? extends ExecutableElement, ? extends AnnotationValue> values =
        elements.getElementValuesWithDefaults(annotation);
    return values.entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<? extends AnnotationValue> elementsOf(AnnotationValue array) {
    return (List<? extends AnnotationValue>) array.getValue();
  }

  /** {@code %x21-7E}: a token type is one word of visible ASCII, as the runtime requires. */
  private static boolean isVisibleAscii(int c) {
    return c >= 0x21 && c <= 0x7E;
  }

  /** RFC 9110 {@code tchar}. */
  private static boolean isTchar(int c) {
    return c < 0x80 && (Character.isLetterOrDigit(c) || TCHAR_SYMBOLS.indexOf(c) >= 0);
  }

  /** RFC 6749 scope-token characters: {@code %x21 / %x23-5B / %x5D-7E}. */
  private static boolean isScopeChar(int c) {
    return c == 0x21 || c >= 0x23 && c <= 0x5B || c >= 0x5D && c <= 0x7E;
  }
}
