package org.financingorchestrator.api.common;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * An amount written plainly, as a string or a JSON number: digits, an optional minus and decimal
 * point; no exponent ("2.185e1"), no whitespace (" 21.85"), no "+", ".5" or "NaN". Money should
 * read the same to every party, and BigDecimal's own parser accepts all of those. Sign, scale and
 * size are Bean Validation's to name ({@link MoneyBody}), so it can say which rule failed.
 */
public final class AmountDeserializer extends ValueDeserializer<BigDecimal> {

  // Lengths bound only the work; MoneyBody's @Digits says what is allowed.
  private static final Pattern PLAIN = Pattern.compile("-?[0-9]{1,32}(\\.[0-9]{1,32})?");

  @Override
  public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_STRING
        || token == JsonToken.VALUE_NUMBER_INT
        || token == JsonToken.VALUE_NUMBER_FLOAT) {
      // For numbers this is the text as sent, before any conversion.
      String text = p.getString();
      if (PLAIN.matcher(text).matches()) {
        return new BigDecimal(text);
      }
      return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text, "not a plain decimal");
    }
    return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
  }
}
