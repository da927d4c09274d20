package io.statelessauth.processor;

import javax.lang.model.type.TypeMirror;

/**
 * One parameter of a handler method and what is passed to it.
 *
 * @param source what the wrapper passes
 * @param type the parameter's declared type
 */
record HandlerArgument(Injection source, TypeMirror type) {}
