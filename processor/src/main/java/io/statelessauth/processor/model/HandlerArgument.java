package io.statelessauth.processor.model;

import javax.lang.model.type.TypeMirror;

/**
 * One parameter of a handler method and what is passed to it.
 *
 * @param source what the wrapper passes
 * @param type the parameter's declared type
 * @param optional whether the parameter is an {@code Optional} of the user or token model (on an
 *     optional route), which the wrapper fills with {@code Optional.ofNullable}
 * @param cast whether the call casts the value to {@code type}, so that among methods of the same
 *     name Java's overload resolution picks exactly the annotated one
 */
public record HandlerArgument(Injection source, TypeMirror type, boolean optional, boolean cast) {

  /** This argument, cast to the parameter's type in the call. */
  public HandlerArgument castToParameter() {
    return new HandlerArgument(source, type, optional, true);
  }
}
