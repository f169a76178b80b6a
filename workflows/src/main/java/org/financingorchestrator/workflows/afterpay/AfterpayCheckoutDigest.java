package org.financingorchestrator.workflows.afterpay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of a checkout request: SHA-256 over its canonical JSON (properties in name
 * order, decimals as written). The API sends it with the start instead of the checkout itself,
 * so that a merchant's repeated start writes no second copy of the shopper's personal data into
 * the flow's history, and the flow compares it with the checkout it was started with. One
 * function for both sides: they cannot disagree on the canonical form. Pure, so usable in
 * workflow code.
 */
public final class AfterpayCheckoutDigest {

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private AfterpayCheckoutDigest() {}

  /** Lower-case hex SHA-256 of the request's canonical JSON. */
  public static String of(AfterpayCheckoutRequest request) {
    try {
      byte[] canonical = CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("A checkout request always serializes", e);
    }
  }
}
