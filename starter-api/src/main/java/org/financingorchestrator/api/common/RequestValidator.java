package org.financingorchestrator.api.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a request body field by field (Bean Validation) and then by the rules that span fields,
 * so that one 400 lists everything that is wrong.
 */
@Component
public class RequestValidator {

  private static final Pattern CONTAINER_ELEMENT = Pattern.compile("\\.?<[a-z ]+>");

  private final Validator validator;

  public RequestValidator(Validator validator) {
    this.validator = validator;
  }

  /** Throws {@link InvalidRequestException} when the body or the rules find a problem. */
  public <T> T check(T body, String bodyName, Function<T, List<FieldProblem>> rules) {
    if (body == null) {
      throw InvalidRequestException.of(bodyName, "a JSON body is required");
    }
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<T> violation : validator.validate(body)) {
      problems.add(new FieldProblem(jsonPath(violation), violation.getMessage()));
    }
    problems.addAll(rules.apply(body));
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
      throw new InvalidRequestException(problems);
    }
    return body;
  }

  /** {@code items[1]}, not Bean Validation's {@code items[1].<list element>}. */
  private static String jsonPath(ConstraintViolation<?> violation) {
    String path = CONTAINER_ELEMENT.matcher(violation.getPropertyPath().toString()).replaceAll("");
    return path.isEmpty() ? "$" : path;
  }

  public <T> T check(T body, String bodyName) {
    return check(body, bodyName, b -> List.of());
  }
}
