package org.financingorchestrator.api.common;

import java.util.List;

/** The request cannot be acted on as sent; answered with 400 and the fields at fault. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(problems.size() + " invalid field(s)");
    this.problems = List.copyOf(problems);
  }

  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
