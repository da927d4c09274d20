package io.statelessauth.processor;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The validated pair of loaders, from which {@code StatelessAuthManager} is generated.
 *
 * @param tokenLoader the {@code @TokenLoader} class
 * @param userLoader the {@code @UserLoader} class
 * @param tokenType what the token loader returns: the token model {@code T}
 * @param userType what the user loader returns: the user {@code U}
 * @param manager the generated manager's name
 * @param tokenMixin whether {@code T} implements {@code TokenMixin}
 * @param userMixin whether {@code U} implements {@code UserMixin}
 */
record LoaderPair(
    TypeElement tokenLoader,
    TypeElement userLoader,
    TypeMirror tokenType,
    TypeMirror userType,
    ClassName manager,
    boolean tokenMixin,
    boolean userMixin) {}
