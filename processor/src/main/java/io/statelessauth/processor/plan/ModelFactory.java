package io.statelessauth.processor.plan;

import io.statelessauth.processor.base.DeprecatedUses;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Builds the model records from elements whose reports were clean, so that the writers never see
 * an invalid input and never check anything again.
 *
 * <p>A handler's call must reach exactly the annotated method whatever else shares its name:
 * overloads with sub- or supertype parameters, a static beside an instance method, inherited
 * ones. When another method of the name is a member of the handler class (or the handler takes
 * varargs), each argument whose variable's type differs from its parameter's is cast to the
 * parameter's type. Called with its own parameter types, the annotated method is applicable in
 * the first phase of overload resolution (a varargs one as fixed arity) and more specific than
 * every other applicable method, since two members cannot have the same parameter types. An
 * {@code Optional} argument needs no cast: its parameter is {@code Optional} of some type, no
 * other member may take {@code Optional} in that place (same erasure), and {@code Optional}'s only
 * supertype is {@code Object}. A cast to a different type never draws javac's {@code [cast]}
 * warning, which is only for a cast to the type the expression already has.
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
    List<String> suppressed = new ArrayList<>();
    if (typeFacts.mentionsRawType(token) || typeFacts.mentionsRawType(user)) {
      suppressed.add(LoaderBinding.RAW_TYPES);
    }
    suppressed.addAll(DeprecatedUses.in(elements)
        .element(tokenLoader)
        .element(userLoader)
        .element(typeFacts.loadMethods(tokenLoader).get(0))
        .element(typeFacts.loadMethods(userLoader).get(0))
        .type(token)
        .type(user)
        .warnings());
    return new LoaderBinding(
        tokenLoader,
        userLoader,
        token,
        user,
        names.manager(tokenLoader),
        types.isAssignable(token, typeFacts.typeNamed(RuntimeTypes.TOKEN_MIXIN.canonicalName())),
        types.isAssignable(user, typeFacts.typeNamed(RuntimeTypes.USER_MIXIN.canonicalName())),
        typeFacts.isReifiable(user),
        List.copyOf(suppressed));
  }

  HandlerClass handlerClass(TypeElement type, LoaderBinding loaders) {
    Injections injections = new Injections(typeFacts, loaders);
    List<ExecutableElement> methods = TokenRequiredValues.methodsOf(type);
    List<HandlerMethod> handlers =
        methods.stream().map(method -> handlerMethod(type, method, injections)).collect(Collectors.toList());
    List<TypeMirror> castTypes = handlers.stream()
        .flatMap(handler -> handler.arguments().stream())
        .filter(HandlerArgument::cast)
        .map(HandlerArgument::type)
        .collect(Collectors.toList());
    List<String> suppressed = new ArrayList<>();
    if (loaders.rawTypes() || castTypes.stream().anyMatch(typeFacts::mentionsRawType)) {
      // The lambdas' parameters take the model types, and a cast names a parameter's type: javac
      // warns, at no line the user could annotate, about a raw type inside either.
      suppressed.add(LoaderBinding.RAW_TYPES);
    }
    // The lambdas' implicit parameters are of the model types, for which javac warns too.
    DeprecatedUses deprecated = DeprecatedUses.in(elements)
        .element(type)
        .type(loaders.tokenType())
        .type(loaders.userType())
        .types(castTypes);
    methods.forEach(deprecated::element);
    suppressed.addAll(deprecated.warnings());
    return new HandlerClass(
        type,
        names.authenticated(type),
        ElementFacts.isPublicAllTheWay(type),
        isHttpHandler(type, methods),
        handlers,
        loaders,
        List.copyOf(suppressed));
  }

  private HandlerMethod handlerMethod(TypeElement type, ExecutableElement method, Injections injections) {
    TokenRequiredValues values = TokenRequiredValues.of(method, elements).orElseThrow();
    Route route = new Route(
        values.tokenTypeName(),
        TokenRequiredValues.strings(values.authTypeValues()),
        List.copyOf(new LinkedHashSet<>(TokenRequiredValues.strings(values.scopeValues()))),
        List.copyOf(new LinkedHashSet<>(TokenRequiredValues.strings(values.roleValues()))),
        values.isOptional());
    boolean overloaded = ElementFilter.methodsIn(elements.getAllMembers(type)).stream()
        .anyMatch(other -> !other.equals(method) && other.getSimpleName().equals(method.getSimpleName()));
    List<? extends VariableElement> parameters = method.getParameters();
    List<HandlerArgument> arguments = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      HandlerArgument argument = injections.accepted(parameters.get(i).asType()).get(0);
      boolean varargs = method.isVarArgs() && i == parameters.size() - 1;
      boolean exact = argument.optional()
          || types.isSameType(injections.variableType(argument.source()), argument.type());
      arguments.add((overloaded || varargs) && !exact ? argument.castToParameter() : argument);
    }
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
