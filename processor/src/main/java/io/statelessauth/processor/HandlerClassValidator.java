package io.statelessauth.processor;

import com.palantir.javapoet.ClassName;
import io.statelessauth.annotations.TokenRequired;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks a class with {@code @TokenRequired} methods as a whole: reachable from its package (3.11),
 * handler names usable as method names (3.17), a free generated name (3.18), the manager
 * importable (3.10); runs the per-method validators and builds the {@link HandlerClass}.
 */
final class HandlerClassValidator {
  /** The no-argument methods of Object, which a generated accessor must not redeclare. */
  private static final Set<String> OBJECT_METHODS =
      Set.of("toString", "hashCode", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

  private final Elements elements;
  private final TypeFacts typeFacts;
  private final GeneratedNames names;
  private final NameRegistry registry;
  private final HandlerMethodValidator methodValidator;
  private final RouteValidator routeValidator;
  private final HandlerParameterValidator parameterValidator;
  private final Diagnostics diagnostics;

  HandlerClassValidator(
      Elements elements,
      TypeFacts typeFacts,
      GeneratedNames names,
      NameRegistry registry,
      Diagnostics diagnostics) {
    this.elements = elements;
    this.typeFacts = typeFacts;
    this.names = names;
    this.registry = registry;
    this.methodValidator = new HandlerMethodValidator(typeFacts, diagnostics);
    this.routeValidator = new RouteValidator(elements, diagnostics);
    this.parameterValidator = new HandlerParameterValidator(elements, typeFacts, diagnostics);
    this.diagnostics = diagnostics;
  }

  /** The {@code @TokenRequired} methods declared in {@code type}, sorted by name. */
  static List<ExecutableElement> handlerMethods(TypeElement type) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(method -> method.getAnnotation(TokenRequired.class) != null)
        .sorted(Comparator.comparing(method -> method.getSimpleName().toString()))
        .collect(Collectors.toList());
  }

  /**
   * Reports every mistake in {@code type}'s handlers. With {@code loaders} known, also checks what
   * depends on them and returns the model when all is well; without, returns empty.
   */
  Optional<HandlerClass> validate(TypeElement type, Optional<LoaderPair> loaders) {
    ClassName generated = names.authenticated(type);
    List<ExecutableElement> methods = handlerMethods(type);
    boolean valid = validPlacement(type, generated);
    valid &= validNames(type, methods, generated);
    List<HandlerMethod> models = new ArrayList<>();
    for (ExecutableElement method : methods) {
      boolean validMethod = methodValidator.validate(method, generated);
      Optional<Route> route = routeValidator.validate(method, loaders);
      Optional<List<HandlerArgument>> arguments =
          loaders.flatMap(pair -> parameterValidator.validate(method, pair, generated));
      if (validMethod && route.isPresent() && arguments.isPresent()) {
        models.add(new HandlerMethod(method, route.get(), arguments.get()));
      } else {
        valid = false;
      }
    }
    if (loaders.isEmpty() || !valid || !managerReachable(type, loaders.get(), generated)) {
      return Optional.empty();
    }
    if (!registry.claim(generated, type)) {
      return Optional.empty();
    }
    return Optional.of(
        new HandlerClass(
            type, generated, isPublic(type), isHttpHandler(type, methods), models, loaders.get()));
  }

  private boolean validPlacement(TypeElement type, ClassName generated) {
    boolean valid = true;
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      TypeElement level = (TypeElement) e;
      if (level.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(
            level,
            Messages.HANDLER_IN_PRIVATE_CLASS.format(
                generated.simpleName(), type.getQualifiedName(), level.getSimpleName()));
        valid = false;
      }
      if (level.getNestingKind() == NestingKind.MEMBER
          && !level.getModifiers().contains(Modifier.STATIC)) {
        diagnostics.error(
            level,
            Messages.HANDLER_IN_INNER_CLASS.format(level.getQualifiedName(), level.getSimpleName()));
        valid = false;
      }
    }
    return valid;
  }

  private boolean validNames(
      TypeElement type, List<ExecutableElement> methods, ClassName generated) {
    boolean valid = true;
    Map<String, List<ExecutableElement>> byName =
        methods.stream().collect(Collectors.groupingBy(m -> m.getSimpleName().toString()));
    for (ExecutableElement method : methods) {
      String name = method.getSimpleName().toString();
      int count = byName.get(name).size();
      if (count > 1) {
        diagnostics.error(
            method,
            Messages.DUPLICATE_HANDLER_NAME.format(
                count, name, type.getSimpleName(), generated.simpleName()));
        valid = false;
      } else if (OBJECT_METHODS.contains(name)) {
        diagnostics.error(
            method,
            Messages.HANDLER_NAME_RESERVED.format(
                HandlerMethodValidator.describe(method), generated.simpleName(), name, name));
        valid = false;
      }
    }
    return valid;
  }

  private boolean managerReachable(TypeElement type, LoaderPair loaders, ClassName generated) {
    PackageElement managerPackage = elements.getPackageOf(loaders.tokenLoader());
    PackageElement handlerPackage = elements.getPackageOf(type);
    if (!managerPackage.isUnnamed() || handlerPackage.isUnnamed()) {
      return true;
    }
    diagnostics.error(
        type,
        Messages.MANAGER_IN_UNNAMED_PACKAGE.format(
            generated.simpleName(),
            handlerPackage.getQualifiedName(),
            loaders.tokenLoader().getQualifiedName(),
            loaders.tokenLoader().getSimpleName()));
    return false;
  }

  private static boolean isPublic(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code type} is an HttpHandler whose own {@code handle(HttpExchange)} is annotated. */
  private boolean isHttpHandler(TypeElement type, List<ExecutableElement> methods) {
    TypeMirror httpHandler = typeFacts.typeNamed(RuntimeTypes.HTTP_HANDLER.canonicalName());
    TypeMirror exchange = typeFacts.typeNamed(RuntimeTypes.HTTP_EXCHANGE.canonicalName());
    if (!typeFacts.types().isAssignable(typeFacts.types().erasure(type.asType()), httpHandler)) {
      return false;
    }
    return methods.stream()
        .anyMatch(
            method ->
                method.getSimpleName().contentEquals("handle")
                    && !method.getModifiers().contains(Modifier.STATIC)
                    && method.getParameters().size() == 1
                    && typeFacts.types().isSameType(method.getParameters().get(0).asType(), exchange));
  }
}
