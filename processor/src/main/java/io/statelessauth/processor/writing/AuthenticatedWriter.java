package io.statelessauth.processor.writing;

import static io.statelessauth.processor.model.GeneratedNames.EXCHANGE;
import static io.statelessauth.processor.model.GeneratedNames.HANDLE;
import static io.statelessauth.processor.model.GeneratedNames.MANAGER_PARAMETER;
import static io.statelessauth.processor.model.GeneratedNames.TARGET;
import static io.statelessauth.processor.model.GeneratedNames.TOKEN;
import static io.statelessauth.processor.model.GeneratedNames.USER;
import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.statelessauth.processor.model.HandlerArgument;
import io.statelessauth.processor.model.HandlerClass;
import io.statelessauth.processor.model.HandlerMethod;
import io.statelessauth.processor.model.Route;
import io.statelessauth.processor.model.RuntimeTypes;
import java.io.IOException;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code Authenticated<Name>}: one {@code HttpHandler} per handler method, built once in the
 * constructor from the manager's route and a typed lambda that calls the method with what it
 * takes, as one would write it by hand:
 *
 * <pre>{@code
 * this.refresh = manager.handler(manager.route().tokenType("refresh").build(),
 *     (exchange, token, user) -> target.refresh(exchange, token));
 * }</pre>
 */
final class AuthenticatedWriter {
  private final SourceWriter sources;

  AuthenticatedWriter(SourceWriter sources) {
    this.sources = sources;
  }

  boolean write(HandlerClass handlers) {
    ClassName name = handlers.generated();
    TypeElement handlerClass = handlers.element();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addJavadoc(
                "The authenticated handlers of {@code $L}: each checks the request's token, then"
                    + " calls the method of the same name.\n",
                handlerClass.getQualifiedName())
            .addModifiers(FINAL)
            .addOriginatingElement(handlerClass)
            .addOriginatingElement(handlers.loaders().tokenLoader())
            .addOriginatingElement(handlers.loaders().userLoader());
    sources.markGenerated(type, handlerClass);
    if (handlers.isPublic()) {
      type.addModifiers(PUBLIC);
    }
    if (handlers.isHttpHandler()) {
      type.addSuperinterface(RuntimeTypes.HTTP_HANDLER);
    }
    if (handlers.loaders().rawTypes()) {
      // The lambdas' parameters take the model types; javac warns, at no line the user could
      // annotate, about a raw type inside one of their type arguments.
      type.addAnnotation(SourceWriter.suppress("rawtypes"));
    }
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addJavadoc(
                "Builds the handlers of {@code $N}, each authenticating with {@code $N}.\n",
                TARGET,
                MANAGER_PARAMETER)
            .addModifiers(PUBLIC)
            .addParameter(targetType(handlerClass), TARGET)
            .addParameter(handlers.loaders().manager(), MANAGER_PARAMETER)
            .addStatement("$T.requireNonNull($N, $S)", Objects.class, TARGET, TARGET);
    for (HandlerMethod method : handlers.methods()) {
      type.addField(RuntimeTypes.HTTP_HANDLER, method.name(), PRIVATE, FINAL)
          .addMethod(accessor(handlerClass, method));
      constructor.addStatement(
          "this.$N = $N.handler($L,\n($N, $N, $N) -> $L)",
          method.name(),
          MANAGER_PARAMETER,
          route(method.route()),
          EXCHANGE,
          TOKEN,
          USER,
          call(handlerClass, method));
    }
    type.addMethod(constructor.build());
    if (handlers.isHttpHandler()) {
      type.addMethod(
          MethodSpec.methodBuilder(HANDLE)
              .addJavadoc(
                  "Authenticates the request, then calls {@code $L.handle}.\n",
                  handlerClass.getSimpleName())
              .addAnnotation(Override.class)
              .addModifiers(PUBLIC)
              .addParameter(RuntimeTypes.HTTP_EXCHANGE, EXCHANGE)
              .addException(IOException.class)
              .addStatement("$N.$N($N)", HANDLE, HANDLE, EXCHANGE)
              .build());
    }
    return sources.write(name.packageName(), type.build(), handlerClass);
  }

  /** The handler class, with {@code <?>} for each type parameter it declares. */
  private static TypeName targetType(TypeElement handlerClass) {
    ClassName raw = ClassName.get(handlerClass);
    int parameters = handlerClass.getTypeParameters().size();
    if (parameters == 0) {
      return raw;
    }
    return ParameterizedTypeName.get(
        raw,
        Collections.nCopies(parameters, WildcardTypeName.subtypeOf(Object.class))
            .toArray(TypeName[]::new));
  }

  private static MethodSpec accessor(TypeElement handlerClass, HandlerMethod method) {
    return MethodSpec.methodBuilder(method.name())
        .addJavadoc(
            "The handler that authenticates each request, then calls {@code $L.$L}.\n",
            handlerClass.getSimpleName(),
            method.name())
        .addModifiers(PUBLIC)
        .returns(RuntimeTypes.HTTP_HANDLER)
        .addStatement("return $N", method.name())
        .build();
  }

  /** {@code manager.route().tokenType("refresh").scopes("read").build()}, naming only what is not a default. */
  private static CodeBlock route(Route route) {
    CodeBlock.Builder code = CodeBlock.builder().add("$N.route()", MANAGER_PARAMETER);
    if (!route.tokenType().isEmpty()) {
      code.add(".tokenType($S)", route.tokenType());
    }
    if (!route.authType().isEmpty()) {
      code.add(".authType($S)", route.authType());
    }
    if (!route.scopes().isEmpty()) {
      code.add(".scopes($L)", strings(route.scopes()));
    }
    if (!route.roles().isEmpty()) {
      code.add(".roles($L)", strings(route.roles()));
    }
    if (route.optional()) {
      code.add(".optional()");
    }
    return code.add(".build()").build();
  }

  private static CodeBlock strings(Iterable<String> values) {
    CodeBlock.Builder list = CodeBlock.builder();
    String separator = "";
    for (String value : values) {
      list.add("$L$S", separator, value);
      separator = ", ";
    }
    return list.build();
  }

  /** {@code target.secret(exchange, user)}, or {@code Api.secret(...)} for a static method. */
  private static CodeBlock call(TypeElement handlerClass, HandlerMethod method) {
    CodeBlock arguments =
        method.arguments().stream().map(AuthenticatedWriter::argument).collect(CodeBlock.joining(", "));
    return method.isStatic()
        ? CodeBlock.of("$T.$N($L)", ClassName.get(handlerClass), method.name(), arguments)
        : CodeBlock.of("$N.$N($L)", TARGET, method.name(), arguments);
  }

  private static CodeBlock argument(HandlerArgument argument) {
    String variable = argument.source().variable();
    return argument.optional()
        ? CodeBlock.of("$T.ofNullable($N)", Optional.class, variable)
        : CodeBlock.of("$N", variable);
  }
}
