package io.statelessauth.processor.writing;

import static io.statelessauth.processor.model.GeneratedNames.AUTH_TYPE;
import static io.statelessauth.processor.model.GeneratedNames.BUILD;
import static io.statelessauth.processor.model.GeneratedNames.BUILDER_METHOD;
import static io.statelessauth.processor.model.GeneratedNames.BUILDER_PARAMETER;
import static io.statelessauth.processor.model.GeneratedNames.CURRENT_USER;
import static io.statelessauth.processor.model.GeneratedNames.LOAD_TOKEN;
import static io.statelessauth.processor.model.GeneratedNames.LOAD_USER;
import static io.statelessauth.processor.model.GeneratedNames.TOKEN;
import static io.statelessauth.processor.model.GeneratedNames.TOKEN_LOADER;
import static io.statelessauth.processor.model.GeneratedNames.TOKEN_TYPE;
import static io.statelessauth.processor.model.GeneratedNames.USER_LOADER;
import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PROTECTED;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.statelessauth.processor.base.LoaderKind;
import io.statelessauth.processor.model.GeneratedNames;
import io.statelessauth.processor.model.LoaderBinding;
import io.statelessauth.processor.model.RuntimeTypes;
import java.util.Objects;

/**
 * Writes {@code StatelessAuthManager}: the runtime's manager base class typed to the loader pair,
 * calling the loaders directly, telling the base class which mixins the models implement, and a
 * builder that extends the runtime's {@code ManagerBuilder} (which owns the optional settings) with
 * the two loader setters, typed to the annotated loaders, and {@code build()}.
 */
final class ManagerWriter {
  private final SourceWriter sources;

  ManagerWriter(SourceWriter sources) {
    this.sources = sources;
  }

  boolean write(LoaderBinding pair) {
    ClassName manager = pair.manager();
    TypeName token = TypeName.get(pair.tokenType());
    TypeName user = TypeName.get(pair.userType());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(manager)
            .addJavadoc(
                "Authenticates requests with {@link $T} and {@link $T}; build one with {@link"
                    + " #builder()}.\n",
                pair.tokenLoader(),
                pair.userLoader())
            .addModifiers(PUBLIC, FINAL)
            .superclass(ParameterizedTypeName.get(RuntimeTypes.ABSTRACT_MANAGER, token, user))
            .addOriginatingElement(pair.tokenLoader())
            .addOriginatingElement(pair.userLoader())
            .addField(ClassName.get(pair.tokenLoader()), TOKEN_LOADER, PRIVATE, FINAL)
            .addField(ClassName.get(pair.userLoader()), USER_LOADER, PRIVATE, FINAL)
            .addMethod(constructor(pair))
            .addMethod(
                MethodSpec.methodBuilder(BUILDER_METHOD)
                    .addJavadoc("Starts a manager; the two loaders are required.\n")
                    .addModifiers(PUBLIC, STATIC)
                    .returns(manager.nestedClass(GeneratedNames.BUILDER))
                    .addStatement("return new $T()", manager.nestedClass(GeneratedNames.BUILDER))
                    .build())
            .addMethod(currentUser(pair, user))
            .addMethod(
                MethodSpec.methodBuilder(LOAD_TOKEN)
                    .addAnnotation(Override.class)
                    .addModifiers(PROTECTED)
                    .returns(token)
                    .addParameter(String.class, TOKEN)
                    .addParameter(String.class, TOKEN_TYPE)
                    .addParameter(String.class, AUTH_TYPE)
                    .addStatement(
                        "return $N.$N($N, $N, $N)", TOKEN_LOADER, LoaderKind.LOAD, TOKEN, TOKEN_TYPE, AUTH_TYPE)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder(LOAD_USER)
                    .addAnnotation(Override.class)
                    .addModifiers(PROTECTED)
                    .returns(user)
                    .addParameter(token, TOKEN)
                    .addStatement("return $N.$N($N)", USER_LOADER, LoaderKind.LOAD, TOKEN)
                    .build());
    sources.markGenerated(type, pair.tokenLoader());
    if (pair.rawTypes()) {
      type.addAnnotation(SourceWriter.suppress("rawtypes"));
    }
    type.addType(builder(pair, manager));
    return sources.write(manager.packageName(), type.build(), pair.tokenLoader());
  }

  private static MethodSpec constructor(LoaderBinding pair) {
    ClassName builder = pair.manager().nestedClass(GeneratedNames.BUILDER);
    return MethodSpec.constructorBuilder()
        .addModifiers(PRIVATE)
        .addParameter(builder, BUILDER_PARAMETER)
        .addStatement("super($T.$N, $N)", RuntimeTypes.MODEL_MIXINS, mixins(pair), BUILDER_PARAMETER)
        .addStatement("this.$N = $N.$N", TOKEN_LOADER, BUILDER_PARAMETER, TOKEN_LOADER)
        .addStatement("this.$N = $N.$N", USER_LOADER, BUILDER_PARAMETER, USER_LOADER)
        .build();
  }

  /** The {@code ModelMixins} constant that tells the base class which mixins the models implement. */
  private static String mixins(LoaderBinding pair) {
    if (pair.tokenMixin()) {
      return pair.userMixin() ? "TOKEN_AND_USER" : "TOKEN";
    }
    return pair.userMixin() ? "USER" : "NONE";
  }

  private static MethodSpec currentUser(LoaderBinding pair, TypeName user) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(CURRENT_USER)
            .addJavadoc(
                "The user bound to the current request's thread, or {@code null} outside an"
                    + " authenticated handler call.\n")
            .addModifiers(PUBLIC, STATIC)
            .returns(user);
    if (user.equals(ClassName.OBJECT)) {
      return method.addStatement("return $T.get()", RuntimeTypes.CURRENT_USER).build();
    }
    if (!pair.userReifiable()) {
      method.addAnnotation(SourceWriter.suppress("unchecked"));
    }
    return method.addStatement("return ($T) $T.get()", user, RuntimeTypes.CURRENT_USER).build();
  }

  /** The builder: the runtime's {@code ManagerBuilder} with the optional settings, plus the two loaders. */
  private static TypeSpec builder(LoaderBinding pair, ClassName manager) {
    ClassName builder = manager.nestedClass(GeneratedNames.BUILDER);
    ClassName tokenLoader = ClassName.get(pair.tokenLoader());
    ClassName userLoader = ClassName.get(pair.userLoader());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(builder)
            .addJavadoc("Collects the loaders and the optional settings of a {@link $T}.\n", manager)
            .addModifiers(PUBLIC, STATIC, FINAL)
            .superclass(ParameterizedTypeName.get(RuntimeTypes.MANAGER_BUILDER, builder))
            .addField(FieldSpec.builder(tokenLoader, TOKEN_LOADER, PRIVATE).build())
            .addField(FieldSpec.builder(userLoader, USER_LOADER, PRIVATE).build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
            .addMethod(loaderSetter(builder, tokenLoader, TOKEN_LOADER,
                "The {@code @TokenLoader} that finds a token's model. Required."))
            .addMethod(loaderSetter(builder, userLoader, USER_LOADER,
                "The {@code @UserLoader} that finds a token's user. Required."));
    return type.addMethod(build(manager, tokenLoader, userLoader)).build();
  }

  private static MethodSpec loaderSetter(ClassName builder, ClassName loader, String name, String javadoc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(javadoc + "\n")
        .addModifiers(PUBLIC)
        .returns(builder)
        .addParameter(loader, name)
        .addStatement("this.$N = $T.requireNonNull($N, $S)", name, Objects.class, name, name)
        .addStatement("return this")
        .build();
  }

  private static MethodSpec build(ClassName manager, ClassName tokenLoader, ClassName userLoader) {
    return MethodSpec.methodBuilder(BUILD)
        .addJavadoc(
            "The manager.\n\n@throws IllegalStateException when a loader was not set\n")
        .addModifiers(PUBLIC)
        .returns(manager)
        .addCode(requireLoader(TOKEN_LOADER, tokenLoader, manager, "@TokenLoader"))
        .addCode(requireLoader(USER_LOADER, userLoader, manager, "@UserLoader"))
        .addStatement("return new $T(this)", manager)
        .build();
  }

  private static CodeBlock requireLoader(
      String field, ClassName loader, ClassName manager, String annotation) {
    String message =
        String.format(
            "%s(%s) was not called: %s needs the %s",
            field, loader.simpleName(), manager.simpleName(), annotation);
    return CodeBlock.builder()
        .beginControlFlow("if ($N == null)", field)
        .addStatement("throw new $T($S)", IllegalStateException.class, message)
        .endControlFlow()
        .build();
  }
}
