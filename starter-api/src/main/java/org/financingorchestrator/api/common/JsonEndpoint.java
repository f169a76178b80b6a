package org.financingorchestrator.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/** An endpoint of the merchant API that takes and answers JSON (its errors: problem+json). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
public @interface JsonEndpoint {

  @AliasFor(annotation = RequestMapping.class, attribute = "method")
  RequestMethod[] method();

  @AliasFor(annotation = RequestMapping.class, attribute = "path")
  String[] path();
}
