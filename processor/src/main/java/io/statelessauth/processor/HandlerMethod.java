package io.statelessauth.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * A validated {@code @TokenRequired} method.
 *
 * @param element the method
 * @param route its annotation's values
 * @param arguments what to pass to each parameter, in parameter order
 */
record HandlerMethod(ExecutableElement element, Route route, List<HandlerArgument> arguments) {

  String name() {
    return element.getSimpleName().toString();
  }

  boolean isStatic() {
    return element.getModifiers().contains(Modifier.STATIC);
  }
}
