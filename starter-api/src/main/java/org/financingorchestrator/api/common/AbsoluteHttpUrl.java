package org.financingorchestrator.api.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * An absolute http or https URL with a host and no fragment: where a browser can be sent with
 * query parameters added. Null is valid.
 */
@Documented
@Constraint(validatedBy = AbsoluteHttpUrl.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AbsoluteHttpUrl {

  String message() default "must be an absolute http or https URL without a #fragment";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<AbsoluteHttpUrl, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      try {
        URI uri = new URI(value);
        String scheme = uri.getScheme();
        return uri.isAbsolute()
            && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
            && uri.getHost() != null
            // the flow appends its outcome as query parameters, which a fragment would swallow
            && uri.getRawFragment() == null;
      } catch (URISyntaxException notAUri) {
        return false;
      }
    }
  }
}
