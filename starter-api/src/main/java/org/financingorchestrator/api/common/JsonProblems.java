package org.financingorchestrator.api.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Arrays;
import java.util.Collection;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns a JSON body that could not be read into a field problem: the JSON path of the value and
 * what was expected there. Never repeats the value itself, which may be personal data.
 */
public final class JsonProblems {

  /** How Jackson's strict duplicate detection starts its message. */
  private static final String DUPLICATE_KEY = "Duplicate Object property";

  private JsonProblems() {}

  public static FieldProblem of(JacksonException e) {
    String path = path(e);
    if (e instanceof PlainTextDeserializer.NotPlainText) {
      return new FieldProblem(path, TextRule.MESSAGE);
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return new FieldProblem(path, "must be " + expected(mismatch.getTargetType()));
    }
    if (e instanceof InputCoercionException range && range.getTargetType() != null) {
      return new FieldProblem(path, "is out of range: must be " + expected(range.getTargetType()) + rangeOf(range.getTargetType()));
    }
    if (isDuplicateKey(e)) {
      return new FieldProblem(path, "is given more than once");
    }
    if (e instanceof StreamReadException) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return new FieldProblem(path, "is not well-formed JSON" + where);
    }
    return new FieldProblem(path, "cannot be read");
  }

  /**
   * {@code consumer.email}, {@code items[0].price.amount}; {@code $} for the whole body. A
   * failure of the parser itself (a duplicate key, a number out of range) is located by where the
   * parser stood, which databind's path may not (fully) carry.
   */
  static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    if ((e instanceof InputCoercionException || isDuplicateKey(e))
        && e instanceof StreamReadException read
        && read.processor() != null) {
      Deque<TokenStreamContext> outward = new ArrayDeque<>();
      for (TokenStreamContext at = read.processor().streamReadContext(); at != null && !at.inRoot(); at = at.getParent()) {
        outward.push(at);
      }
      for (TokenStreamContext at : outward) {
        append(path, at.inObject() ? at.currentName() : null, at.inArray() ? at.getCurrentIndex() : -1);
      }
    } else {
      for (JacksonException.Reference ref : e.getPath()) {
        append(path, ref.getPropertyName(), ref.getIndex());
      }
    }
    return path.isEmpty() ? "$" : path.toString();
  }

  private static boolean isDuplicateKey(JacksonException e) {
    return e instanceof StreamReadException && e.getOriginalMessage() != null
        && e.getOriginalMessage().startsWith(DUPLICATE_KEY);
  }

  private static void append(StringBuilder path, String property, int index) {
    if (property != null) {
      if (!path.isEmpty()) {
        path.append('.');
      }
      path.append(property);
    } else if (index >= 0) {
      path.append('[').append(index).append(']');
    }
  }

  private static String rangeOf(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == Long.class || type == long.class) {
      return " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    return "";
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
