package org.financingorchestrator.api.common;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every string of every request body, read by Jackson's own rules and then held to
 * {@link TextRule}: registered for {@code String} on the app's JSON mapper, so no body can forget
 * it.
 */
final class PlainTextDeserializer extends StringDeserializer {

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) {
    String text = super.deserialize(p, ctxt);
    if (text != null && !TextRule.isPlain(text)) {
      throw new NotPlainText(p);
    }
    return text;
  }

  /** Named apart from other mismatches so the answer says what is wrong, not "must be a string". */
  static final class NotPlainText extends MismatchedInputException {
    NotPlainText(JsonParser p) {
      super(p, TextRule.MESSAGE, String.class);
    }
  }
}
