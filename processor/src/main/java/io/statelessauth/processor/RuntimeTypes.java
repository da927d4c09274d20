package io.statelessauth.processor;

import com.palantir.javapoet.ClassName;

/** The runtime and JDK types that generated code refers to, by name (never loaded here). */
final class RuntimeTypes {
  static final String PACKAGE = "io.statelessauth";

  static final ClassName ABSTRACT_MANAGER = ClassName.get(PACKAGE, "AbstractStatelessAuthManager");
  static final ClassName AUTH_ROUTE = ClassName.get(PACKAGE, "AuthRoute");
  static final ClassName AUTHENTICATED_CALL = ClassName.get(PACKAGE, "AuthenticatedCall");
  static final ClassName CURRENT_USER = ClassName.get(PACKAGE, "CurrentStatelessUser");
  static final ClassName CONFIG = ClassName.get(PACKAGE, "StatelessAuthConfig");
  static final ClassName ERROR_HANDLER = ClassName.get(PACKAGE, "AuthErrorHandler");
  static final ClassName LISTENER = ClassName.get(PACKAGE, "AuthListener");
  static final ClassName TOKEN_MIXIN = ClassName.get(PACKAGE, "TokenMixin");
  static final ClassName USER_MIXIN = ClassName.get(PACKAGE, "UserMixin");

  static final ClassName HTTP_HANDLER = ClassName.get("com.sun.net.httpserver", "HttpHandler");
  static final ClassName HTTP_EXCHANGE = ClassName.get("com.sun.net.httpserver", "HttpExchange");

  private RuntimeTypes() {}
}
