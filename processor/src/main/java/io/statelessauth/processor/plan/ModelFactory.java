package io.statelessauth.processor.plan;

import io.statelessauth.processor.base.ElementFacts;
import io.statelessauth.processor.base.Injections;
import io.statelessauth.processor.base.TokenRequiredValues;
import io.statelessauth.processor.base.TypeFacts;
import io.statelessauth.processor.model.GeneratedNames;
import io.statelessauth.processor.model.HandlerArgument;
import io.statelessauth.processor.model.HandlerClass;
import io.statelessauth.processor.model.HandlerMethod;
import io.statelessauth.processor.model.LoaderBinding;
import io.statelessauth.processor.model.Route;
import io.statelessauth.processor.model.RuntimeTypes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Builds the model records from elements whose reports were clean, so that the writers never see
 * an invalid input and never check anything again.
 */
final class ModelFactory {
  private final Elements elements;
  private final Types types;
  private final TypeFacts typeFacts;
  private final GeneratedNames names;

  ModelFactory(Elements elements, TypeFacts typeFacts, GeneratedNames names) {
    this.elements = elements;
    this.types = typeFacts.types();
    this.typeFacts = typeFacts;
    this.names = names;
  }

  LoaderBinding loaderBinding(TypeElement tokenLoader, TypeElement userLoader) {
    TypeMirror token = typeFacts.loadType(tokenLoader).getReturnType();
    TypeMirror user = typeFacts.loadType(userLoader).getReturnType();
    return new LoaderBinding(
        tokenLoader,
        userLoader,
        token,
        user,
        names.manager(tokenLoader),
        types.isAssignable(token, typeFacts.typeNamed(RuntimeTypes.TOKEN_MIXIN.canonicalName())),
        types.isAssignable(user, typeFacts.typeNamed(RuntimeTypes.USER_MIXIN.canonicalName())),
        typeFacts.mentionsRawType(token) || typeFacts.mentionsRawType(user),
        typeFacts.isReifiable(user));
  }

  HandlerClass handlerClass(TypeElement type, LoaderBinding loaders) {
    Injections injections = new Injections(typeFacts, loaders);
    List<ExecutableElement> methods = TokenRequiredValues.methodsOf(type);
    return new HandlerClass(
        type,
        names.authenticated(type),
        ElementFacts.isPublicAllTheWay(type),
        isHttpHandler(type, methods),
        methods.stream().map(method -> handlerMethod(method, injections)).collect(Collectors.toList()),
        loaders);
  }

  private HandlerMethod handlerMethod(ExecutableElement method, Injections injections) {
    TokenRequiredValues values = TokenRequiredValues.of(method, elements).orElseThrow();
    Route route = new Route(
        values.tokenTypeName(),
        values.authTypeName(),
        List.copyOf(new LinkedHashSet<>(TokenRequiredValues.strings(values.scopeValues()))),
        List.copyOf(new LinkedHashSet<>(TokenRequiredValues.strings(values.roleValues()))),
        values.isOptional());
    List<HandlerArgument> arguments = method.getParameters().stream()
        .map(parameter -> injections.accepted(parameter.asType()).get(0))
        .collect(Collectors.toList());
    return new HandlerMethod(method, route, arguments);
  }

  /** Whether {@code type} is an HttpHandler whose own {@code handle(HttpExchange)} is annotated. */
  private boolean isHttpHandler(TypeElement type, List<ExecutableElement> methods) {
    TypeMirror httpHandler = typeFacts.typeNamed(RuntimeTypes.HTTP_HANDLER.canonicalName());
    TypeMirror exchange = typeFacts.typeNamed(RuntimeTypes.HTTP_EXCHANGE.canonicalName());
    if (!types.isAssignable(types.erasure(type.asType()), httpHandler)) {
      return false;
    }
    return methods.stream().anyMatch(method ->
        method.getSimpleName().contentEquals("handle")
            && !method.getModifiers().contains(Modifier.STATIC)
            && method.getParameters().size() == 1
            && types.isSameType(method.getParameters().get(0).asType(), exchange));
  }
}
