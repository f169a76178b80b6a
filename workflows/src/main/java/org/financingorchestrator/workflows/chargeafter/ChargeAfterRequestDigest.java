package org.financingorchestrator.workflows.chargeafter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a send-link request's canonical JSON (properties and tags in name order, decimals
 * as written): sent with the start instead of the request, so a repeated start writes no second
 * copy of the consumer's details into history. One function for the API and the flow.
 */
public final class ChargeAfterRequestDigest {

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private ChargeAfterRequestDigest() {}

  public static String of(ChargeAfterSendLinkRequest request) {
    try {
      byte[] canonical = CANONICAL.writeValueAsBytes(request);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("A send-link request always serializes", e);
    }
  }
}
