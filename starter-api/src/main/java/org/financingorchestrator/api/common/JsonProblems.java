package org.financingorchestrator.api.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns a JSON body that could not be read into a field problem: the JSON path of the value and
 * what was expected there. Never repeats the value itself, which may be personal data.
 */
final class JsonProblems {

  private JsonProblems() {}

  static FieldProblem of(JacksonException e) {
    String path = path(e);
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return new FieldProblem(path, "must be " + expected(mismatch.getTargetType()));
    }
    if (e instanceof StreamReadException) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return new FieldProblem(path, "is not well-formed JSON" + where);
    }
    return new FieldProblem(path, "cannot be read");
  }

  /** {@code consumer.email}, {@code items[0].price.amount}; {@code $} for the whole body. */
  static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "$" : path.toString();
  }

  private static String expected(Class<?> type) {
    if (type == BigDecimal.class || type == Double.class || type == double.class) {
      return "a decimal number or a decimal string such as \"21.85\"";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == BigInteger.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 date-time such as \"2015-01-01T00:00:00Z\"";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }
}
