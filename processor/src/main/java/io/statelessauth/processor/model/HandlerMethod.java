package io.statelessauth.processor.model;

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
public record HandlerMethod(ExecutableElement element, Route route, List<HandlerArgument> arguments) {

  /** The method's name, which is also the name of its accessor in {@code Authenticated<Name>}. */
  public String name() {
    return element.getSimpleName().toString();
  }

  /** Whether the method is static, so that it is called on its class rather than on the target. */
  public boolean isStatic() {
    return element.getModifiers().contains(Modifier.STATIC);
  }
}
