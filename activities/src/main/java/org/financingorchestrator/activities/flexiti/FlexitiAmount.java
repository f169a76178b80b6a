package org.financingorchestrator.activities.flexiti;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Flexiti's money, read exactly: JSON numbers (49.99) and strings, some with thousands separators
 * ("1,200.05", "120.05000"). An empty string is no amount (null); anything else that is not an
 * amount fails the read, so the answer is classified malformed rather than guessed at.
 */
final class FlexitiAmount extends JsonDeserializer<BigDecimal> {

  private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

  @Override
  public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT || parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
      return parser.getDecimalValue();
    }
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      BigDecimal amount = parse(parser.getText());
      if (amount == null && !parser.getText().isBlank()) {
        return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, parser.getText(), "not a Flexiti amount");
      }
      return amount;
    }
    return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
  }

  /** The amount the text writes, exactly; null when blank or not an amount. */
  static BigDecimal parse(String text) {
    String trimmed = text.trim();
    if (PLAIN.matcher(trimmed).matches()) {
      return new BigDecimal(trimmed);
    }
    if (GROUPED.matcher(trimmed).matches()) {
      return new BigDecimal(trimmed.replace(",", ""));
    }
    return null;
  }
}
