package org.financingorchestrator.sandbox.common;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed values from a request body and collects one message per broken rule, each starting
 * with the field's path. Nothing is thrown while reading, so one answer lists every problem.
 * Messages echo no values of text fields: those may be personal data.
 */
public final class FieldViolations {

  public static final int UNBOUNDED = Integer.MAX_VALUE;

  /** Whether a field must be given. */
  public enum Presence {
    REQUIRED,
    OPTIONAL
  }

  private final List<String> messages = new ArrayList<>();

  public void add(JsonField field, String rule) {
    add(field.path(), rule);
  }

  public void add(String path, String rule) {
    messages.add(path + " " + rule);
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  public List<String> messages() {
    return List.copyOf(messages);
  }

  /** "[a is required, b must be a string]": the bracketed list the provider documents show. */
  public String summary() {
    return "[" + String.join(", ", messages) + "]";
  }

  /** The field when it is an object; null (after noting why, if it matters) otherwise. */
  public JsonField object(JsonField field, Presence presence) {
    if (!present(field, presence)) {
      return null;
    }
    if (!field.value().isObject()) {
      add(field, "must be an object");
      return null;
    }
    return field;
  }

  /** The array's elements; empty when absent or not an array. */
  public List<JsonField> array(JsonField field, Presence presence) {
    if (!present(field, presence)) {
      return List.of();
    }
    if (!field.value().isArray()) {
      add(field, "must be an array");
      return List.of();
    }
    return field.elements();
  }

  /** A string; a required one must not be blank. Null when absent or invalid. */
  public String text(JsonField field, Presence presence, int maxLength) {
    if (!present(field, presence)) {
      return null;
    }
    if (!field.value().isString()) {
      add(field, "must be a string");
      return null;
    }
    String text = field.value().stringValue();
    if (presence == Presence.REQUIRED && text.isBlank()) {
      add(field, "must not be blank");
      return null;
    }
    if (text.length() > maxLength) {
      add(field, "must be at most " + maxLength + " characters long");
      return null;
    }
    return text;
  }

  /** A whole JSON number within [min, max]. Null when absent or invalid. */
  public Long wholeNumber(JsonField field, Presence presence, long min, long max) {
    if (!present(field, presence)) {
      return null;
    }
    if (!field.value().isIntegralNumber()) {
      add(field, "must be a whole number");
      return null;
    }
    BigInteger number = field.value().bigIntegerValue();
    if (number.compareTo(BigInteger.valueOf(min)) < 0
        || number.compareTo(BigInteger.valueOf(max)) > 0) {
      add(field, "must be between " + min + " and " + max + " (was " + number + ")");
      return null;
    }
    return number.longValue();
  }

  /** A JSON boolean. Null when absent or invalid. */
  public Boolean bool(JsonField field, Presence presence) {
    if (!present(field, presence)) {
      return null;
    }
    if (!field.value().isBoolean()) {
      add(field, "must be true or false");
      return null;
    }
    return field.value().booleanValue();
  }

  private boolean present(JsonField field, Presence presence) {
    if (field.present()) {
      return true;
    }
    if (presence == Presence.REQUIRED) {
      add(field, "is required");
    }
    return false;
  }
}
