package io.statelessauth.processor.validation;

import io.statelessauth.processor.base.Messages;
import io.statelessauth.processor.base.TokenRequiredValues;
import io.statelessauth.processor.base.ValidationReport;
import io.statelessauth.processor.model.LoaderBinding;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * Checks the values of a {@code @TokenRequired}: {@code authType} an RFC 9110 token, {@code
 * tokenType} one word, each scope an RFC 6749 scope-token, no blank role, and scopes and roles
 * only where the models can grant and hold them. Each message is reported on the value at fault;
 * a value listed twice is a warning.
 */
final class RouteValidator {

  /** Checks {@code values}; {@code loaders}, when known, decides whether scopes and roles can be granted. */
  ValidationReport validate(ExecutableElement method, TokenRequiredValues values, Optional<LoaderBinding> loaders) {
    ValidationReport.Builder report = ValidationReport.about(method);
    String tokenType = values.tokenTypeName();
    if (!tokenType.isEmpty() && !Syntax.isTokenType(tokenType)) {
      report.reportAt(method, values.mirror(), values.tokenType(), Messages.TOKEN_TYPE_INVALID, tokenType);
    }
    String authType = values.authTypeName();
    if (!authType.isEmpty() && !Syntax.isToken(authType)) {
      report.reportAt(method, values.mirror(), values.authType(), Messages.AUTH_TYPE_NOT_TOKEN, authType);
    }
    Set<String> scopes = new HashSet<>();
    for (AnnotationValue scope : values.scopeValues()) {
      String text = (String) scope.getValue();
      if (!Syntax.isScopeToken(text)) {
        report.reportAt(method, values.mirror(), scope, Messages.SCOPE_NOT_SCOPE_TOKEN, text);
      } else if (!scopes.add(text)) {
        report.reportAt(method, values.mirror(), scope, Messages.SCOPE_REPEATED, text);
      }
    }
    Set<String> roles = new HashSet<>();
    for (AnnotationValue role : values.roleValues()) {
      String text = (String) role.getValue();
      if (text.isBlank()) {
        report.reportAt(method, values.mirror(), role, Messages.ROLE_BLANK);
      } else if (!roles.add(text)) {
        report.reportAt(method, values.mirror(), role, Messages.ROLE_REPEATED, text);
      }
    }
    if (loaders.isPresent()) {
      LoaderBinding pair = loaders.get();
      if (!values.scopeValues().isEmpty() && !pair.tokenMixin()) {
        report.reportAt(method, values.mirror(), values.scopes(), Messages.SCOPES_WITHOUT_TOKEN_MIXIN,
            pair.tokenType(), pair.tokenType());
      }
      if (!values.roleValues().isEmpty() && !pair.userMixin()) {
        report.reportAt(method, values.mirror(), values.roles(), Messages.ROLES_WITHOUT_USER_MIXIN,
            pair.userType(), pair.userType());
      }
    }
    return report.build();
  }
}
