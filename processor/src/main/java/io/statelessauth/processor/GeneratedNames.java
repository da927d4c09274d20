package io.statelessauth.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Owns every name the processor generates: classes, nested classes, fields and parameters. */
final class GeneratedNames {
  /** The manager's simple name, in the {@code @TokenLoader}'s package. */
  static final String MANAGER = "StatelessAuthManager";
  /** The manager's nested builder. */
  static final String BUILDER = "Builder";
  /** The prefix of the class generated beside each handler class. */
  static final String AUTHENTICATED_PREFIX = "Authenticated";

  static final String TOKEN_LOADER = "tokenLoader";
  static final String USER_LOADER = "userLoader";
  static final String CONFIG = "config";
  static final String ERROR_HANDLER = "errorHandler";
  static final String LISTENER = "listener";

  static final String TOKEN = "token";
  /** The nested class of {@code Authenticated<Name>} that calls the handler methods. */
  static final String CALLS = "Calls";
  /** Its field: which handler method an instance calls. */
  static final String METHOD_INDEX = "method";
  static final String TOKEN_TYPE = "tokenType";
  static final String AUTH_TYPE = "authType";
  static final String USER = "user";
  static final String ROUTE = "route";
  static final String EXCHANGE = "exchange";
  static final String TARGET = "target";
  static final String MANAGER_PARAMETER = "manager";

  private final Elements elements;

  GeneratedNames(Elements elements) {
    this.elements = elements;
  }

  /** {@code StatelessAuthManager} in the package of {@code tokenLoader}. */
  ClassName manager(TypeElement tokenLoader) {
    return ClassName.get(packageName(tokenLoader), MANAGER);
  }

  /** {@code Authenticated<Name>} beside {@code handlerClass}; nested names joined by {@code _}. */
  ClassName authenticated(TypeElement handlerClass) {
    List<String> simpleNames = new ArrayList<>();
    for (Element e = handlerClass; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      simpleNames.add(0, e.getSimpleName().toString());
    }
    return ClassName.get(
        packageName(handlerClass), AUTHENTICATED_PREFIX + String.join("_", simpleNames));
  }

  private String packageName(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }
}
