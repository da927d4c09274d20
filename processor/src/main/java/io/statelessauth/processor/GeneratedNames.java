package io.statelessauth.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * The nested class that calls each handler method, keyed by method name: the capitalised method
   * name followed by {@code Call}, numbered when two would collide with each other or with
   * {@code outerSimpleName}.
   */
  static Map<String, String> callClasses(String outerSimpleName, List<String> methodNames) {
    Set<String> taken = new HashSet<>();
    taken.add(outerSimpleName);
    Map<String, String> names = new LinkedHashMap<>();
    for (String method : methodNames) {
      String base = Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Call";
      String name = base;
      for (int i = 2; !taken.add(name); i++) {
        name = base + i;
      }
      names.put(method, name);
    }
    return names;
  }

  private String packageName(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }
}
